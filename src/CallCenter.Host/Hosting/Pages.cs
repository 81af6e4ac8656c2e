using Microsoft.Extensions.FileProviders;

namespace CallCenter.Host.Hosting;

/// <summary>Serves the built pages (src/CallCenter.Web → ui/ beside the host's binaries) at the site root.</summary>
public static class Pages
{
    public static void UseCallCenterPages(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "ui");
        if (!Directory.Exists(folder))
        {
            app.Logger.LogWarning("No pages at {Folder}: build with npm available to get the wallboard and agent desktop", folder);
            return;
        }

        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }
}
