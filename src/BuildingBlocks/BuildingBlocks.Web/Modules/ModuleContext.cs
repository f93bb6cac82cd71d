using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Modular.BuildingBlocks.Infrastructure.Settings;

namespace Modular.BuildingBlocks.Web.Modules;

/// <summary>What a module may read while it registers its services.</summary>
public sealed record ModuleContext(ServiceSettings Services, IConfiguration Configuration, IHostEnvironment Environment);
