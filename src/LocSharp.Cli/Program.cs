using Spectre.Console.Cli;

// Registers the verbs; each verb lives in its own file under Commands/.
var app = new CommandApp();
app.Configure(config => config.SetApplicationName("locsharp"));
return app.Run(args);
