namespace CallCenter.Host;

/// <summary>Work-order attachments as files under {Directory}/{orderId}/{number}; the order grain keeps their names and types.</summary>
public sealed class AttachmentStore(CallCenterSettings settings)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public string Root => Path.GetFullPath(settings.Attachments.Directory ?? Path.Combine(settings.DataDir, "attachments"));

    /// <summary>Writes an upload under a name of its own in the order's folder; <see cref="Keep"/> gives it the number the order assigned.</summary>
    public async Task<string> Stage(string orderId, Stream content, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Root, orderId);
        Directory.CreateDirectory(folder);
        var part = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".part");
        await using (var file = File.Create(part))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        return part;
    }

    public void Keep(string staged, string orderId, int number) => File.Move(staged, PathOf(orderId, number), overwrite: true);

    public static void Discard(string staged) => File.Delete(staged);

    public string PathOf(string orderId, int number) => Path.Combine(Root, orderId, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
