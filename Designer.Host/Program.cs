using SmartKiosk.Designer.Host.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddBackOffice();

var app = builder.Build();
app.UseBackOffice();
app.Run();
