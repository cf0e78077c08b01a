using Kontaktlofte.AddinApi.Organisation;

namespace Kontaktlofte.AddinApi.Promises;

/// <summary>The named contact person the promise gives the citizen (the proposal behind KS/2016:805).</summary>
/// <param name="Name">Full name.</param>
/// <param name="Title">Job title.</param>
/// <param name="Phone">Phone number the citizen can call.</param>
/// <param name="Email">E-mail address.</param>
public sealed record ContactPerson(string Name, string? Title, string? Phone, string Email)
{
    public static ContactPerson Of(CurrentOfficial official) => new(official.Name, official.Title, official.Phone, official.Email);
}
