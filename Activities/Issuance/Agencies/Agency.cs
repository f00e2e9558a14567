namespace SmartKiosk.Activities.Issuance.Agencies;

/// <summary>
/// A certifying agency: a commune or ward People's Committee with its own seal certificate, register
/// books and officers. Its data never mixes with another agency's.
/// </summary>
/// <param name="Id">Stable key, e.g. <c>hn-hoan-kiem</c>.</param>
/// <param name="Name">Full name as printed on the copy, e.g. <c>Ủy ban nhân dân phường Hoàn Kiếm</c>.</param>
/// <param name="Province">The province or city, for the statement's place line.</param>
/// <param name="BookSuffix">What follows the book number on register labels, e.g. <c>SCTĐT/BS</c>.</param>
public sealed record Agency(string Id, string Name, string Province, string BookSuffix = "SCTĐT/BS");
