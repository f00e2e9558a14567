namespace SmartKiosk.Samples.SyntheticDocuments.People;

public static class PersonFactory
{
    public static Person Create(Random random, DateOnly dateOfBirth, Sex? sex = null, Locality? residence = null)
    {
        var actualSex = sex ?? (random.Next(2) == 0 ? Sex.Male : Sex.Female);
        var name = VietnameseNames.Next(random, actualSex);
        var birthRegistration = Places.NextLocality(random, Places.NextProvince(random));

        // Most people live and have their family origin near where they were born.
        var origin = random.Next(3) == 0 ? Places.NextLocality(random, Places.NextProvince(random)) : birthRegistration;
        var home = residence ?? (random.Next(3) == 0 ? Places.NextLocality(random, Places.NextProvince(random)) : birthRegistration);

        return new Person(
            name,
            actualSex,
            dateOfBirth,
            birthRegistration,
            Places.NextBirthPlace(random, birthRegistration),
            origin,
            Places.NextAddress(random, home),
            IdNumbers.Create(random, birthRegistration.Province, actualSex, dateOfBirth),
            random.Next(2) == 0 ? IdNumbers.OldCmnd(random) : string.Empty);
    }

    /// <summary>A date between the bounds (inclusive), pulled back from the 29th-31st so the day exists in every month and year.</summary>
    public static DateOnly NextDate(Random random, DateOnly from, DateOnly to)
    {
        var date = DateOnly.FromDayNumber(from.DayNumber + random.Next(to.DayNumber - from.DayNumber + 1));
        var clamped = date.Day > 28 ? new DateOnly(date.Year, date.Month, 28) : date;
        return clamped < from ? date : clamped;
    }
}
