import "./style.css";
import { translatePage } from "./i18n";

translatePage();
