namespace CallCenter.Host.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Supervisor = "Supervisor";
    public const string Grader = "Grader";
    public const string Agent = "Agent";
    public const string DutyOfficer = "DutyOfficer";
    public const string Liaison = "Liaison";

    /// <summary>Department staff who answer the work orders assigned to them.</summary>
    public const string Handler = "Handler";

    /// <summary>Service supervision (服务监督人员): judges complaints, makes follow-up calls from the pool.</summary>
    public const string QualityOfficer = "QualityOfficer";

    /// <summary>Held only by callers presenting the softswitch's API key.</summary>
    public const string Softswitch = "Softswitch";

    public static readonly string[] People = [Admin, Supervisor, Grader, Agent, DutyOfficer, Liaison, Handler, QualityOfficer];
}
