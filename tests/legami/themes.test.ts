import { describe, expect, it } from 'vitest';
import {
  canonicalTheme,
  containsPhrase,
  countThemes,
  sameTheme,
  splitThemes,
  themeKey,
  themeMatches,
  themesOverlap,
} from '../../src/capabilities/legami/themes.js';
import { practiceCovers, supportKind } from '../../src/capabilities/legami/support.js';

describe('lenient theme matching', () => {
  it('ignores case, accents and simple Italian plurals', () => {
    const same: [string, string][] = [
      ['Mediazioni', 'mediazione'],
      ['scuole', 'Scuola'],
      ['lingue italiane', 'lingua italiana'],
      ['Sanità', 'sanita'],
      ['CASE', 'casa'],
      ['lavori', 'lavoro'],
      ['servizi', 'servizio'],
      ['famiglie', 'famiglia'],
      ['banche', 'banca'],
      ['dialoghi', 'dialogo'],
      ['province', 'provincia'],
      ['associazioni di stranieri', 'Associazione stranieri'],
      ['  lingua   italiana ', 'lingua-italiana'],
      ['cittadinanze', 'cittadinanza'],
    ];
    for (const [a, b] of same) expect(sameTheme(a, b), `${a} ~ ${b}`).toBe(true);
  });

  it('keeps different themes apart', () => {
    const different: [string, string][] = [
      ['casa', 'cassa'],
      ['lavoro', 'lavagna'],
      ['salute', 'saluto e saluti'],
      ['scuola', 'lingua italiana'],
      ['', ''],
    ];
    for (const [a, b] of different) expect(sameTheme(a, b), `${a} ≠ ${b}`).toBe(false);
  });

  it('finds a theme from some of its words, not the other way round', () => {
    expect(themeMatches('lingua', 'lingua italiana')).toBe(true);
    expect(themeMatches('italiano', 'Lingua italiana')).toBe(true);
    expect(themeMatches('mediazioni', 'mediazione culturale')).toBe(true);
    expect(themeMatches('lingua italiana per adulti', 'lingua italiana')).toBe(false);
    expect(themeMatches('di', 'lingua di casa')).toBe(false);
    expect(themeMatches('', 'casa')).toBe(false);
  });

  it('groups and counts labels by theme, naming each group by its most used label', () => {
    expect(countThemes(['lavoro', 'Lavori', 'lavoro', 'scuola', 'scuole', 'casa'])).toEqual([
      { theme: 'lavoro', count: 3 },
      { theme: 'scuola', count: 2 },
      { theme: 'casa', count: 1 },
    ]);
  });

  it('splits typed lists and snaps typed themes to the labels in use', () => {
    expect(splitThemes('Lavoro, scuole e lingua italiana; casa / Scuola')).toEqual(['lavoro', 'scuole', 'lingua italiana', 'casa']);
    expect(splitThemes(' , ;')).toEqual([]);
    expect(canonicalTheme('Mediazioni', ['lavoro', 'mediazione'])).toBe('mediazione');
    expect(canonicalTheme('Orti urbani', ['lavoro'])).toBe('orti urbani');
    expect(themeKey("Lingua dell'infanzia")).toBe(themeKey('lingue infanzia'));
  });

  it('finds phrases in texts and overlapping theme lists', () => {
    expect(containsPhrase('Sportello di mediazione linguistica nelle scuole', 'scuola')).toBe(true);
    expect(containsPhrase('Corsi di lingue italiane per mamme', 'lingua italiana')).toBe(true);
    expect(containsPhrase('Italiana è la lingua', 'lingua italiana')).toBe(false);
    expect(themesOverlap(['mediazione culturale'], ['mediazione', 'casa'])).toBe(true);
    expect(themesOverlap(['lavoro'], ['casa'])).toBe(false);
  });

  it('reads the kinds of support however the check-in stores them, and what covers them', () => {
    expect(supportKind('confronto_partner').label).toBe('confronto tra partner');
    expect(supportKind('Supporto tecnico').label).toBe('supporto tecnico e supervisione');
    expect(supportKind('sostegno con le associazioni di stranieri').label).toBe('sostegno con le associazioni di stranieri');
    expect(supportKind('cabina_regia').label).toBe('presenza alla cabina di regia');
    expect(supportKind('altro bisogno').label).toBe('altro bisogno');
    expect(
      practiceCovers({ title: 'Tavolo mensile con le associazioni', themes: ['associazioni di stranieri'] }, 'sostegno con le associazioni di stranieri'),
    ).toBe(true);
    expect(practiceCovers({ title: 'Corso per operatori', themes: ['lavoro'] }, 'formazione')).toBe(true);
    expect(practiceCovers({ title: 'Sportello casa', themes: ['casa'] }, 'formazione')).toBe(false);
  });
});
