namespace CallCenter.Host;

/// <summary>Work-order attachments as files under {Directory}/{orderId}/{number}; the order grain keeps their names and types.</summary>
public sealed class AttachmentStore(CallCenterSettings settings)
{
    public const long MaxBytes = 20 * 1024 * 1024;

    public string Root => Path.GetFullPath(settings.Attachments.Directory ?? Path.Combine(settings.DataDir, "attachments"));

    /// <summary>Writes the upload beside its final name and moves it into place once complete.</summary>
    public async Task Save(string orderId, int number, Stream content, CancellationToken cancellationToken)
    {
        var target = PathOf(orderId, number);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var part = target + ".part";
        await using (var file = File.Create(part))
        {
            await content.CopyToAsync(file, cancellationToken);
        }

        File.Move(part, target, overwrite: true);
    }

    public string PathOf(string orderId, int number) => Path.Combine(Root, orderId, number.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
