using SmartKiosk.Samples.SyntheticDocuments.Codes;
using SmartKiosk.Samples.SyntheticDocuments.People;

namespace SmartKiosk.Samples.SyntheticDocuments.Documents;

/// <summary>
/// Picks a holder and issue date consistent with the card generation: chip CCCDs were issued from 2021 until
/// 30 June 2024, "Căn cước" cards from 1 July 2024.
/// </summary>
public static class CardDataFactory
{
    private static readonly string[] Marks =
    [
        "Nốt ruồi C:1cm trên trước đầu lông mày trái",
        "Sẹo chấm C:2cm dưới sau cánh mũi phải",
        "Nốt ruồi C:1,5cm dưới trước mép trái",
        "Sẹo chấm C:1cm trên đuôi mắt phải",
        "Nốt ruồi C:2cm sau cánh mũi trái",
    ];

    public static CardData Create(Random random, bool canCuoc2024, bool expired)
    {
        var (firstIssue, lastIssue) = canCuoc2024
            ? (new DateOnly(2024, 7, 1), IdCardValidity.ReferenceDate.AddDays(-1))
            : (new DateOnly(2021, 1, 1), new DateOnly(2024, 6, 30));

        // Rejection sampling keeps the rules in one place (IdCardValidity) instead of inverting them here.
        for (var attempt = 0; ; attempt++)
        {
            var issue = PersonFactory.NextDate(random, firstIssue, lastIssue);
            var ageAtIssue = expired ? random.Next(14, 40) : random.Next(14, 59);
            var birthFrom = issue.AddYears(-ageAtIssue - 1).AddDays(1);
            var dateOfBirth = PersonFactory.NextDate(random, birthFrom, issue.AddYears(-ageAtIssue));
            var expiry = IdCardValidity.Expiry(dateOfBirth, issue);
            if (expiry is null || expiry.Value.Year > 2099)
            {
                continue;
            }

            var isExpired = expiry.Value < IdCardValidity.ReferenceDate;
            if (isExpired != expired && attempt < 10_000)
            {
                continue;
            }

            var holder = PersonFactory.Create(random, dateOfBirth);
            return new CardData(
                holder,
                issue,
                expiry,
                MrzBuilder.Build(holder.IdNumber, holder.Name, holder.Sex, dateOfBirth, expiry),
                CitizenQrPayload.Build(holder, issue),
                VietnameseNames.Pick(random, Marks),
                VietnameseNames.Next(random, random.Next(3) == 0 ? Sex.Female : Sex.Male),
                random.Next());
        }
    }
}
