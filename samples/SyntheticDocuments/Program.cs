using SmartKiosk.Samples.SyntheticDocuments;

return Cli.Run(args);
