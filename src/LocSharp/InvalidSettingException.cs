namespace LocSharp;

/// <summary>
/// A setting given to the library is out of range (a learning rate that is not positive, an even convolution
/// width, a perplexity the input cannot support). The CLI reports it as a bad command line (exit 2); the message
/// names the setting, not a command-line flag. An <see cref="ArgumentException"/>, so callers that validate
/// stored settings (a model file's) can catch either.
/// </summary>
public sealed class InvalidSettingException(string message) : ArgumentException(message);
