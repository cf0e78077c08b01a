namespace Kontaktlofte.AddinApi.Auth;

/// <summary>App roles as registered in Entra ID; the token carries them in the <c>roles</c> claim.</summary>
public static class Roles
{
    public const string Handlaggare = nameof(Handlaggare);
    public const string Registrator = nameof(Registrator);
    public const string Enhetschef = nameof(Enhetschef);
}

/// <summary>Authorization policies, one per kind of user; every endpoint names one.</summary>
public static class Policies
{
    /// <summary>Any signed-in official.</summary>
    public const string Official = nameof(Official);
    public const string Registrar = nameof(Registrar);
    public const string UnitHead = nameof(UnitHead);
}

/// <summary>The claim types the API reads, the same in Entra tokens, the sandbox and tests.</summary>
public static class KontaktlofteClaims
{
    public const string Name = "name";
    public const string Email = "preferred_username";
    public const string Role = "roles";
    public const string Scope = "scp";
    public const string ApiScope = "access_as_user";
}
