global using CallCenter.Reporting;
