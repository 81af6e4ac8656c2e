using Microsoft.AspNetCore.Authorization;

namespace CallCenter.Host.Identity;

public static class Policies
{
    public const string Administration = nameof(Administration);
    public const string Supervision = nameof(Supervision);
    public const string SeatWork = nameof(SeatWork);
    public const string CallReading = nameof(CallReading);
    public const string Softswitch = nameof(Softswitch);
    public const string DutyWork = nameof(DutyWork);
    public const string Staff = nameof(Staff);
    public const string Grading = nameof(Grading);
    public const string KnowledgeWriting = nameof(KnowledgeWriting);
    public const string Reporting = nameof(Reporting);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Administration, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Supervision, p => p.RequireRole(Roles.Supervisor, Roles.Admin));
        options.AddPolicy(SeatWork, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(CallReading, p => p.RequireRole(Roles.Supervisor, Roles.Admin, Roles.Grader, Roles.Agent));
        options.AddPolicy(DutyWork, p => p.RequireRole(Roles.DutyOfficer, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(Staff, p => p.RequireRole(Roles.People));
        options.AddPolicy(Grading, p => p.RequireRole(Roles.Grader, Roles.Supervisor, Roles.Admin));
        options.AddPolicy(KnowledgeWriting, p => p.RequireRole(Roles.Supervisor, Roles.Admin, Roles.Grader, Roles.Liaison, Roles.DutyOfficer, Roles.Handler));
        options.AddPolicy(Reporting, p => p.RequireRole(Roles.Supervisor, Roles.Admin, Roles.Grader));
        options.AddPolicy(Softswitch, p => p.AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireRole(Roles.Softswitch));
    }

    /// <summary>Supervisors and administrators may act on any seat; an agent only on the seat they are logged in at.</summary>
    public static bool MaySupervise(this System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.Supervisor) || user.IsInRole(Roles.Admin);
}
