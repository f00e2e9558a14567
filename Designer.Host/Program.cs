using SmartKiosk.Designer.Host.Extensions;

var builder = WebApplication.CreateBuilder(args);
// Serve the component libraries' files (MudBlazor, blazor.web.js) from a build's output in any environment, as ./run.sh runs it.
builder.WebHost.UseStaticWebAssets();
builder.AddBackOffice();

var app = builder.Build();
app.UseBackOffice();
app.Run();
