using Microsoft.Extensions.DependencyInjection;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition;
using SmartKiosk.TestSupport;
using SmartKiosk.Workflows.Definitions;
using SmartKiosk.Workflows.Extensions;
using SmartKiosk.Workflows.Serialization;

namespace SmartKiosk.Activities.Tests;

/// <summary>Every sample workflow is valid against the engine with the certification activities registered.</summary>
public sealed class SampleWorkflowTests
{
    [Fact]
    public void Every_sample_workflow_is_valid_with_the_certification_activities()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflows(typeof(ReceiveScan).Assembly);
        using var provider = services.BuildServiceProvider();
        var validator = provider.GetRequiredService<DefinitionValidator>();
        var samples = Directory.GetFiles(RepositoryPaths.Combine("samples", "workflows"), "*.json");

        Assert.Contains(samples, f => f.EndsWith("recognise-document.json", StringComparison.Ordinal));
        Assert.Contains(samples, f => f.EndsWith("verify-identity.json", StringComparison.Ordinal));
        Assert.Contains(samples, f => f.EndsWith("issue-copy.json", StringComparison.Ordinal));
        foreach (var file in samples)
        {
            var result = validator.Validate(WorkflowJson.Deserialize(File.ReadAllText(file)));
            Assert.True(result.IsValid, $"{file}: {string.Join("; ", result.Errors.Select(e => e.Message))}");
        }
    }

    [Fact]
    public void The_certification_activities_are_described_with_their_outcomes()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflows(typeof(ReceiveScan).Assembly);
        using var provider = services.BuildServiceProvider();
        var registry = provider.GetRequiredService<SmartKiosk.Workflows.Contracts.IActivityRegistry>();

        Assert.Equal(["Recognised", "Unrecognised", "NeedsRescan"], registry.Find(nameof(RecogniseDocument))!.Outcomes);
        Assert.Equal(["Valid", "Invalid", "NeedsReview"], registry.Find(nameof(ValidateFields))!.Outcomes);
        Assert.Equal(["Accepted", "Rejected"], registry.Find(nameof(ReceiveScan))!.Outcomes);
        Assert.Equal(["Match", "NoMatch", "Inconclusive"], registry.Find("MatchFace")!.Outcomes);
        Assert.Equal(["Live", "NotLive", "Inconclusive"], registry.Find("CheckLiveness")!.Outcomes);
        Assert.Equal(["Given", "Refused"], registry.Find("RecordBiometricConsent")!.Outcomes);
        Assert.Equal(["Issued", "Failed"], registry.Find("IssueCertifiedCopy")!.Outcomes);
    }
}
