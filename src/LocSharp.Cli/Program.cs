using Spectre.Console.Cli;

// Registers the verbs; each verb lives in its own file. None is registered yet: this file exists so the
// executable (and the test project that references it) builds.
var app = new CommandApp();
app.Configure(config => config.SetApplicationName("locsharp"));
return app.Run(args);
