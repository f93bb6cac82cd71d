using Microsoft.EntityFrameworkCore;
using Modular.BuildingBlocks.Infrastructure.Persistence;
using Modular.IAM.Domain;

namespace Modular.IAM.Infrastructure;

/// <summary>IAM's write model: organizations with their contacts, and users. Invitation jobs are written in raw SQL.</summary>
internal sealed class IamDbContext(DbContextOptions<IamDbContext> options) : ModuleDbContext(options)
{
    public override string Schema => IamModule.ModuleName;

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<User> Users => Set<User>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organization>(organization =>
        {
            organization.ToTable("organizations");
            organization.Property(o => o.Kind).HasConversion<string>();
            organization.Property(o => o.Status).HasConversion<string>();
            organization.HasMany(o => o.Contacts).WithOne().HasForeignKey(contact => contact.OrganizationId);
            organization.Navigation(o => o.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        // Ids are made by the application: a contact found through the navigation is new, not an existing row.
        modelBuilder.Entity<Contact>(contact =>
        {
            contact.ToTable("contacts");
            contact.Property(c => c.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<User>(user =>
        {
            user.ToTable("users");
            user.Property(u => u.Status).HasConversion<string>();
        });
    }
}
