import { me } from "./api";
import { landing } from "./pages";

// The site root sends a signed-in user to the page of their role (a signed-out one to the sign-in page).
void me().then((user) => location.replace(landing(user.roles)));
