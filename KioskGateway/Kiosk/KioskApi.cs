using System.Net.Mail;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SmartKiosk.Activities.Delivery.Email;
using SmartKiosk.Activities.Dossiers;
using SmartKiosk.Activities.Dossiers.DocumentTypes;
using SmartKiosk.Activities.Dossiers.Progress;
using SmartKiosk.Activities.Faces;
using SmartKiosk.Activities.Intake;
using SmartKiosk.Activities.Recognition.Imaging;
using SmartKiosk.Activities.Storage;
using SmartKiosk.KioskGateway.Problems;
using SmartKiosk.KioskGateway.Security;
using SmartKiosk.Workflows.Contracts;

namespace SmartKiosk.KioskGateway.Kiosk;

/// <summary>
/// The kiosk API: a session is a dossier whose workflow waits for the kiosk's inputs in turn
/// (scan → consent → face frames → confirmation). Every call is signed by the device; a device sees
/// only its own dossiers; every mutating call is idempotent by its Idempotency-Key.
/// </summary>
public static class KioskApi
{
    private const int MaxDisputedFields = 40;

    public static void MapKioskApi(this IEndpointRouteBuilder app)
    {
        // Every kiosk call can be refused with problem details: unsigned or replayed (401), not this kiosk's (404),
        // not at this step (409), invalid (400, 422), too large (413).
        var api = app.MapGroup("/api/kiosk").WithTags("Kiosk").AddEndpointFilter<DossierErrorFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/document-types", async (DocumentTypeCatalog types, IWorkflowDefinitionStore definitions, CancellationToken cancellationToken) =>
            {
                // A type an administrator has just added is offered once a workflow is bound to it: a citizen could not start it before.
                var bound = (await definitions.ListBindingsAsync(cancellationToken)).Select(b => b.Key).ToHashSet(StringComparer.Ordinal);
                return TypedResults.Ok(types.Offered.Where(t => bound.Contains(t.Key))
                    .Select(t => new DocumentTypeView(t.Key, new(t.Settings.NameVi, t.Settings.NameEn), t.Settings.Service, t.Settings.HasPortrait, t.Settings.MaxPages)).ToList());
            })
            .WithSummary("The document types this kiosk offers: those offered with a workflow bound.");

        var mutating = api.MapGroup("").AddEndpointFilter<IdempotencyFilter>();

        mutating.MapPost("/dossiers", StartAsync)
            .WithSummary("Starts a dossier (a kiosk session) for a document type; its workflow then waits for the scan.");

        api.MapGet("/dossiers/{id:guid}", GetAsync).WithSummary("The dossier as the kiosk shows it.");

        mutating.MapPut("/dossiers/{id:guid}/uploads/{kind}", UploadAsync)
            .WithMetadata(new StreamedBodyAttribute())
            .WithSummary("Uploads a page scan, a camera frame or the citizen's ID card (kind page, frame or id-card); the body is the image, streamed to the encrypted blob store. A page gets the quality gate's reasons at once.");

        mutating.MapPost("/dossiers/{id:guid}/scan", (Guid id, SubmitScanRequest request, HttpContext http, DossierService service, DossierViews views) =>
            SubmitScanAsync(id, request, http, service, views))
            .WithSummary("Hands the uploaded pages to the workflow (stage kiosk.scan or kiosk.rescan): file checks, recognition, validation.");

        mutating.MapPost("/dossiers/{id:guid}/consent", async (Guid id, ConsentRequest request, HttpContext http, DossierService service, DossierViews views) =>
            await SubmitAsync((await OwnAsync(id, http, service, http.RequestAborted)).Dossier, [DossierProgressReader.ConsentStage], new JsonObject { ["agreed"] = request.Agreed, ["textVersion"] = BiometricConsent.CurrentTextVersion }, http, service, views))
            .WithSummary("The citizen's answer to the face-check consent (stage kiosk.consent). The answer returns the liveness challenge to show.");

        mutating.MapPost("/dossiers/{id:guid}/identity", SubmitIdentityAsync)
            .WithSummary("Hands the camera frames (and, for documents without a portrait, the citizen's ID card) to the face match and liveness check (stage kiosk.identity).");

        mutating.MapPost("/dossiers/{id:guid}/confirmation", ConfirmAsync)
            .WithSummary("The citizen confirms the recognised details and the fee, optionally with an e-mail address (stage kiosk.confirmation).");

        mutating.MapPost("/dossiers/{id:guid}/email", EmailCopyAsync)
            .WithSummary("After the copy is issued, the citizen who gave no address asks for it by e-mail too (while the kiosk session is fresh, once).");

        mutating.MapPost("/dossiers/{id:guid}/withdrawal", async (Guid id, HttpContext http, DossierService service, DossierViews views, CancellationToken ct) =>
        {
            await OwnAsync(id, http, service, ct);
            await service.WithdrawAsync(id, Actor(http), ct);
            var (dossier, progress) = await service.GetAsync(id, ct);
            return TypedResults.Ok(views.For(dossier, progress));
        }).WithSummary("The citizen gives up the dossier.");

        mutating.MapPost("/dossiers/resumption", async (ResumeRequest request, HttpContext http, DossierService service, DossierViews views, CancellationToken ct) =>
        {
            var resumed = await service.ResumeAsync(request.ReceiptCode, http.User.DeviceIdOf(), http.User.AgencyIdOf(), ct);
            var (dossier, progress) = await service.GetAsync(resumed.Id, ct);
            return TypedResults.Ok(views.For(dossier, progress));
        }).WithSummary("Resumes, at this kiosk, a dossier that waits for a rescan, by its receipt code.");

        api.MapGet("/dossiers/{id:guid}/events", ProgressStream.StreamAsync)
            .WithSummary("Live progress as server-sent events: one 'dossier' event per change (id = revision; send Last-Event-ID to resume), ending when the dossier ends.");
    }

    private static async Task<Created<DossierView>> StartAsync(StartDossierRequest request, HttpContext http, DossierService service, DossierViews views, CancellationToken ct)
    {
        var (dossier, progress) = await service.StartAsync(http.User.DeviceIdOf(), http.User.AgencyIdOf(), request.DocumentType ?? "", http.Request.Headers[IdempotencyFilter.Header].ToString(), ct);
        return TypedResults.Created($"/api/kiosk/dossiers/{dossier.Id}", views.For(dossier, progress));
    }

    private static async Task<Ok<DossierView>> GetAsync(Guid id, HttpContext http, DossierService service, DossierViews views, CancellationToken ct)
    {
        var (dossier, progress) = await OwnAsync(id, http, service, ct);
        return TypedResults.Ok(views.For(dossier, progress));
    }

    private static async Task<Results<Ok<UploadResponse>, ProblemHttpResult>> UploadAsync(
        Guid id, string kind, string? source, HttpContext http, DossierService service, IBlobStore blobs, UploadChecker checker, IOptions<IntakeLimits> limits, CancellationToken ct)
    {
        // A scan is at most the intake limit: refuse more before reading a byte of it.
        var maxBytes = limits.Value.MaxBytes;
        if (http.Request.ContentLength > maxBytes)
        {
            return KioskProblems.Result(KioskProblem.UploadTooLarge, StatusCodes.Status413PayloadTooLarge, $"An upload is at most {maxBytes / (1024 * 1024)} MB.");
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = maxBytes;
        }

        if (kind is not (UploadKinds.Page or UploadKinds.Frame or UploadKinds.IdCard))
        {
            return KioskProblems.Result(KioskProblem.InvalidInput, StatusCodes.Status400BadRequest, "The upload kind is page, frame or id-card.");
        }
        var (dossier, _) = await OwnAsync(id, http, service, ct);
        if (dossier.Status.IsFinal())
        {
            return KioskProblems.Result(KioskProblem.WrongStage, StatusCodes.Status409Conflict, "The dossier has ended.");
        }

        BlobRef stored;
        try
        {
            stored = await blobs.PutAsync(http.Request.Body, ct);
        }
        catch (BlobStoreException ex) when (ex.Code == "too-large")
        {
            return KioskProblems.Result(KioskProblem.UploadTooLarge, StatusCodes.Status413PayloadTooLarge, ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return KioskProblems.Result(KioskProblem.UploadTooLarge, StatusCodes.Status413PayloadTooLarge, $"An upload is at most {maxBytes / (1024 * 1024)} MB.");
        }
        if (stored.Sha256 != http.User.SignedContentHashOf())
        {
            // The body is not what the kiosk signed: altered on the way, or a forged request.
            await blobs.DeleteAsync(stored.Sha256, ct);
            return KioskProblems.Result(KioskProblem.BadSignature, StatusCodes.Status401Unauthorized, "The upload does not match its signed hash.");
        }

        UploadCheck check;
        try
        {
            var bytes = await blobs.ReadAsync(stored.Sha256, ct);
            check = kind == UploadKinds.Page
                ? await checker.CheckPageAsync(bytes, Enum.TryParse<CaptureSource>(source, ignoreCase: true, out var s) ? s : CaptureSource.Unknown, ct)
                : checker.CheckPhoto(bytes);
        }
        catch (ScanRejectedException ex)
        {
            await blobs.DeleteAsync(stored.Sha256, ct);
            var problem = ex.Code is "too-large" or "too-many-pixels" or "too-many-pages" ? KioskProblem.UploadTooLarge : KioskProblem.UploadUnreadable;
            return KioskProblems.Result(problem, StatusCodes.Status422UnprocessableEntity, ex.Message, new Dictionary<string, object?> { ["reason"] = ex.Code });
        }

        if (!check.Passed)
        {
            // Not kept: the citizen scans again, and a page that cannot be read is not personal data we need.
            await blobs.DeleteAsync(stored.Sha256, ct);
            return TypedResults.Ok(new UploadResponse(stored.Sha256, kind, false, check.Pages, check.Issues));
        }

        await service.AddUploadAsync(id, stored.Sha256, kind, Actor(http), ct);
        return TypedResults.Ok(new UploadResponse(stored.Sha256, kind, true, check.Pages, check.Issues));
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> SubmitScanAsync(Guid id, SubmitScanRequest request, HttpContext http, DossierService service, DossierViews views)
    {
        var ct = http.RequestAborted;
        var (dossier, _) = await OwnAsync(id, http, service, ct);
        if (request.Pages is not { Count: > 0 } pages || pages.Any(p => !DossierService.Owns(dossier, p, UploadKinds.Page)))
        {
            return KioskProblems.Result(KioskProblem.InvalidInput, StatusCodes.Status422UnprocessableEntity, "Name at least one page uploaded to this dossier (kind page).");
        }
        var payload = new JsonObject
        {
            ["pages"] = new JsonArray([.. pages.Select(p => (JsonNode)p)]),
            ["source"] = Enum.TryParse<CaptureSource>(request.Source, ignoreCase: true, out var source) ? source.ToString() : nameof(CaptureSource.Unknown),
        };
        return await SubmitAsync(dossier, [DossierProgressReader.ScanStage, DossierProgressReader.RescanStage], payload, http, service, views);
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> SubmitIdentityAsync(Guid id, IdentityRequest request, HttpContext http, DossierService service, DossierViews views, CancellationToken ct)
    {
        var (dossier, _) = await OwnAsync(id, http, service, ct);
        if (request.Frames is not { Count: > 0 and <= 30 } frames || frames.Any(f => !DossierService.Owns(dossier, f, UploadKinds.Frame)))
        {
            return KioskProblems.Result(KioskProblem.InvalidInput, StatusCodes.Status422UnprocessableEntity, "Name 1–30 camera frames uploaded to this dossier (kind frame).");
        }
        if (request.IdCardFront is { } card && !DossierService.Owns(dossier, card, UploadKinds.IdCard))
        {
            return KioskProblems.Result(KioskProblem.InvalidInput, StatusCodes.Status422UnprocessableEntity, "The ID card must be uploaded to this dossier (kind id-card).");
        }
        var payload = new JsonObject { ["frames"] = new JsonArray([.. frames.Select(f => (JsonNode)f)]), ["idCardFront"] = request.IdCardFront };
        return await SubmitAsync(dossier, [DossierProgressReader.IdentityStage], payload, http, service, views);
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> ConfirmAsync(Guid id, ConfirmationRequest request, HttpContext http, DossierService service, DossierViews views, CancellationToken ct)
    {
        var (dossier, _) = await OwnAsync(id, http, service, ct);
        string? email = null;
        if (!string.IsNullOrWhiteSpace(request.Email))
        {
            if (EmailAddress(request.Email) is not { } address)
            {
                return InvalidEmail();
            }
            email = address;
        }
        var disputed = request.DisputedFields ?? [];
        if (disputed.Count > MaxDisputedFields || disputed.Any(key => string.IsNullOrWhiteSpace(key) || key.Length > 64 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            return KioskProblems.Result(KioskProblem.InvalidInput, StatusCodes.Status422UnprocessableEntity, "Disputed fields are the keys of recognised fields.", new Dictionary<string, object?> { ["field"] = "disputedFields" });
        }
        await service.SetContactEmailAsync(id, email, Actor(http), ct);
        var payload = new JsonObject { ["email"] = email is not null, ["disputedFields"] = new JsonArray([.. disputed.Distinct(StringComparer.Ordinal).Select(key => (JsonNode)JsonValue.Create(key))]) };
        return await SubmitAsync(dossier, [DossierProgressReader.ConfirmationStage], payload, http, service, views);
    }

    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> EmailCopyAsync(Guid id, EmailCopyRequest request, HttpContext http, DossierService service, CopyEmailAtKiosk copyEmail, DossierViews views, CancellationToken ct)
    {
        var (owned, _) = await OwnAsync(id, http, service, ct);
        if (EmailAddress(request.Email) is not { } email)
        {
            return InvalidEmail();
        }
        await copyEmail.RequestAsync(owned, email, Actor(http), ct);
        var (dossier, progress) = await service.GetAsync(id, ct);
        return TypedResults.Ok(views.For(dossier, progress));
    }

    /// <summary>The address as MailKit will use it, or null when it is not one plain address.</summary>
    private static string? EmailAddress(string? text)
    {
        var trimmed = text?.Trim() ?? "";
        return trimmed.Length is > 0 and <= 254 && MailAddress.TryCreate(trimmed, out var address) && address.Address == trimmed ? address.Address : null;
    }

    private static ProblemHttpResult InvalidEmail() =>
        KioskProblems.Result(KioskProblem.InvalidInput, StatusCodes.Status422UnprocessableEntity, "The e-mail address is not valid.", new Dictionary<string, object?> { ["field"] = "email" });

    /// <param name="owned">The dossier as <see cref="OwnAsync"/> returned it to this kiosk.</param>
    private static async Task<Results<Ok<DossierView>, ProblemHttpResult>> SubmitAsync(Activities.Dossiers.Persistence.DossierRecord owned, string[] stages, JsonObject payload, HttpContext http, DossierService service, DossierViews views)
    {
        var (dossier, progress) = await service.SubmitAsync(owned, stages, payload, http.Request.Headers[IdempotencyFilter.Header].ToString(), http.RequestAborted);
        return TypedResults.Ok(views.For(dossier, progress));
    }

    /// <summary>The dossier, when it belongs to the calling kiosk; another kiosk's dossier does not exist for it.</summary>
    internal static async Task<(Activities.Dossiers.Persistence.DossierRecord Dossier, DossierProgress? Progress)> OwnAsync(Guid id, HttpContext http, DossierService service, CancellationToken ct)
    {
        var found = await service.GetAsync(id, ct);
        return found.Dossier.DeviceId == http.User.DeviceIdOf()
            ? found
            : throw new DossierException(DossierError.NotFound, "The dossier does not exist.");
    }

    private static string Actor(HttpContext http) => "kiosk:" + http.User.DeviceIdOf();
}

/// <summary>What an upload is.</summary>
public static class UploadKinds
{
    public const string Page = "page";
    public const string Frame = "frame";
    public const string IdCard = "id-card";
}
