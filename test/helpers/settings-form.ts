/** The fields the settings page posts, filled in for a coastal newsroom; `overrides` replace any of them. */
export function settingsForm(overrides: Readonly<Record<string, string>> = {}): Record<string, string> {
  return {
    name: 'Harbour Evening Post',
    description: 'News from the coast.',
    language: 'en-GB',
    timeZone: 'Europe/Lisbon',
    navigationText: 'World | /world\nCulture | /culture',
    feedContent: 'full',
    'policy-corrections': 'We fix mistakes.\n\nWrite to us.',
    'policy-ethics': '',
    'policy-ownership': '',
    'policy-masthead': '',
    'policy-feedback': '',
    ...overrides,
  };
}
