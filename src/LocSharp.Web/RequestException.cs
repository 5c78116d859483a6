namespace LocSharp.Web;

/// <summary>A request the server refuses: the HTTP status and the message the client gets as <c>{ "error": ... }</c>.</summary>
public sealed class RequestException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static RequestException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);

    public static RequestException TooLarge(string message) => new(StatusCodes.Status413PayloadTooLarge, message);

    public static RequestException NotFound(string message) => new(StatusCodes.Status404NotFound, message);
}
