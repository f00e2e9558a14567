namespace SmartKiosk.Designer.Host.Flows;

/// <summary>Where an instance stands at an activity, for the read-only canvas of the instance viewer.</summary>
public enum ActivityRunState
{
    None,
    Executed,
    Waiting,
    Faulted,
}
