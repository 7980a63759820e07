using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace TradeBalance.Testing;

/// <summary>What the fake server answers to one request.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The body.</param>
internal sealed record FakeResponse(int Status, byte[] Body)
{
    /// <summary>Extra headers (Retry-After, Content-Type).</summary>
    public Dictionary<string, string> Headers { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Send this many bytes of the body, then close the connection (the declared length stays the full one).</summary>
    public int? CutAfter { get; init; }

    /// <summary>Wait for this before answering (a download the test kills meanwhile).</summary>
    public Task? Hold { get; init; }

    public static FakeResponse Json(string json, int status = 200) =>
        new(status, Encoding.UTF8.GetBytes(json)) { Headers = { ["Content-Type"] = "application/json; charset=utf-8" } };
}

/// <summary>One request the fake server received.</summary>
internal sealed record FakeRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string RawHead)
{
    public string Path => PathAndQuery.Split('?')[0];

    public string? Query(string name) =>
        PathAndQuery.Contains('?') ? PathAndQuery.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2)).Where(p => p[0] == name).Select(p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty)).FirstOrDefault() : null;
}

/// <summary>
/// A local HTTPS server with a certificate from a CA made for the test (nothing leaves the machine): one request per
/// connection, answered by the test's function, every request recorded.
/// </summary>
internal sealed class FakeHttpsServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<FakeRequest, FakeResponse> _answer;
    private readonly X509Certificate2 _serverCertificate;
    private readonly Task _loop;

    public FakeHttpsServer(TestCertificates certificates, Func<FakeRequest, FakeResponse> answer)
    {
        _answer = answer;
        _serverCertificate = certificates.Server;
        _listener.Start();
        _loop = Task.Run(AcceptLoop);
    }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri BaseUrl => new($"https://localhost:{Port}/");

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                return;
            }

            _ = Task.Run(() => Serve(client));
        }
    }

    private async Task Serve(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _serverCertificate }, _stop.Token);
                var head = await ReadHead(ssl);
                if (head is null)
                {
                    return;
                }

                var lines = head.Split("\r\n");
                var first = lines[0].Split(' ');
                var headers = lines.Skip(1).Where(l => l.Contains(':')).Select(l => l.Split(':', 2)).GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
                var request = new FakeRequest(first[0], first.Length > 1 ? first[1] : "/", headers, head);
                Requests.Enqueue(request);
                var response = _answer(request);
                if (response.Hold is { } hold)
                {
                    await hold.WaitAsync(_stop.Token);
                }

                var text = new StringBuilder();
                text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {response.Status} {Reason(response.Status)}\r\n");
                text.Append(CultureInfo.InvariantCulture, $"Content-Length: {response.Body.Length}\r\nConnection: close\r\n");
                foreach (var (k, v) in response.Headers)
                {
                    text.Append(CultureInfo.InvariantCulture, $"{k}: {v}\r\n");
                }

                text.Append("\r\n");
                await ssl.WriteAsync(Encoding.ASCII.GetBytes(text.ToString()), _stop.Token);
                var sent = response.CutAfter is { } cut ? Math.Min(cut, response.Body.Length) : response.Body.Length;
                await ssl.WriteAsync(response.Body.AsMemory(0, sent), _stop.Token);
                await ssl.FlushAsync(_stop.Token);
                if (response.CutAfter is not null)
                {
                    // An abortive close: the client sees the connection end before the declared length.
                    client.Client.LingerState = new LingerOption(true, 0);
                }
            }
            catch (Exception e) when (e is IOException or OperationCanceledException or AuthenticationException or SocketException or ObjectDisposedException)
            {
                // The client went away (a test killed it, a timeout): nothing to answer.
            }
        }
    }

    private static async Task<string?> ReadHead(Stream stream)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 65536)
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^1] == '\n' && buffer[^2] == '\r' && buffer[^3] == '\n' && buffer[^4] == '\r')
            {
                return Encoding.ASCII.GetString([.. buffer]).TrimEnd();
            }
        }

        return null;
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    };

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}

/// <summary>A CA and a server certificate for localhost and 127.0.0.1, made for one test run; the CA's PEM can be trusted through SSL_CERT_FILE.</summary>
internal sealed class TestCertificates : IDisposable
{
    private static readonly Lazy<TestCertificates> Shared = new(() => new TestCertificates());

    private TestCertificates()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=TradeBalance test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        Ca = X509CertificateLoader.LoadCertificate(ca.Export(X509ContentType.Cert));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverRequest.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = new byte[8];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        using var issued = serverRequest.Create(ca, now.AddDays(-1), now.AddDays(29), serial);
        using var withKey = issued.CopyWithPrivateKey(serverKey);

        // Through PKCS#12 so the key is usable by SslStream on every platform.
        Server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12, "t"), "t");
        CaPem = Ca.ExportCertificatePem();
    }

    public static TestCertificates Instance => Shared.Value;

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public string CaPem { get; }

    /// <summary>A handler that trusts the test CA only (the hook the clients document for custom trust).</summary>
    public HttpMessageHandler Handler() => new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(Ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(X509CertificateLoader.LoadCertificate(certificate.GetRawCertData()));
            },
        },
    };

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
    }
}
