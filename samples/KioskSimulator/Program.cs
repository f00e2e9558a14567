using SmartKiosk.Samples.KioskSimulator.Cli;

return await SimulatorCommands.RunAsync(args);
