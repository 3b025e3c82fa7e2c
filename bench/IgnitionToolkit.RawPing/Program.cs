// The hand-written equivalent of a one-step gateway.ping playbook: GET <gateway>/StatusPing and print the answer.
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: IgnitionToolkit.RawPing <gateway url>");
    return 2;
}
using var client = new HttpClient();
using var response = await client.GetAsync(new Uri(new Uri(args[0]), "/StatusPing"));
Console.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
return response.IsSuccessStatusCode ? 0 : 1;
