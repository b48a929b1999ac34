import { detectionOf, shippedDetector } from './shipped-detector';

describe('places → countries', () => {
  test.each([
    ['Gunmen opened fire at a concert hall in Krasnogorsk, killing 40', 'RU'],
    ['Attack at Crocus City Hall: gunmen killed dozens of concert-goers', 'RU'],
    ['Messerangriff in Wien: zwei Tote', 'AT'],
    ['Attentat à Bruxelles : deux morts', 'BE'],
    ['Aanslag in Den Haag: drie gewonden', 'NL'],
    ['Теракт в Москве: погибли 5 человек', 'RU'],
    ['Terrordåd i Stockholm, fyra döda', 'SE'],
    ['Gunman kills 3 in New Orleans bar attack', 'US'],
    ['Stabbing attack at Solingen festival leaves 3 dead', 'DE'],
  ])('%s → %s', (title, country) => {
    expect(detectionOf('attack', title)?.countries[0]).toBe(country);
  });

  test('a lower-case common word is not a city ("nice")', () => {
    const d = detectionOf('attack', 'Gunman kills 2 at a nice cafe in Lyon');
    expect(d?.countries).toEqual(['FR']);
    expect(d?.places.map((p) => p.name)).not.toContain('Nice');
  });

  test('a place inside a longer one is dropped (Orleans in New Orleans)', () => {
    const d = detectionOf('attack', 'Truck attack in New Orleans kills 10');
    expect(d?.places.map((p) => p.country)).toEqual(['US']);
  });

  test('demonyms give a country only when no place is named', () => {
    expect(detectionOf('attack', 'French teacher killed in knife attack at school')?.countries).toEqual(['FR']);
    expect(detectionOf('attack', 'French tourists killed in knife attack at Berlin cafe')?.countries).toEqual(['DE']);
  });
});

describe('actors and claims', () => {
  test.each([
    ['Islamic State claims attack that killed 5', 'islamic-state'],
    ['Daech revendique l’attentat qui a fait 3 morts', 'islamic-state'],
    ['Der Islamische Staat bekannte sich zum Anschlag mit vier Toten', 'islamic-state'],
    ['Estado Islámico reivindicó el atentado con 12 muertos', 'islamic-state'],
    ['ISKP claimed responsibility for the bombing that killed 20', 'islamic-state-khorasan'],
    ['Al-Kaida bekennt sich zu Anschlag mit sechs Toten', 'al-qaeda'],
    ['Al-Shabaab gunmen storm hotel, 9 killed', 'al-shabaab'],
  ])('%s → %s', (title, actor) => {
    const d = detectionOf('attack', title);
    expect(d?.actors).toContain(actor);
  });

  test('IS-K is not also reported as IS', () => {
    expect(detectionOf('attack', 'IS-K claims suicide bombing that killed 13')?.actors).toEqual(['islamic-state-khorasan']);
  });

  test('"IS" matches only as written: the verb "is" names no actor', () => {
    expect(detectionOf('attack', 'Death toll is 5 after gunman opens fire at market')?.actors).toEqual([]);
    expect(detectionOf('attack', 'IS gunman kills 5 at market')?.actors).toEqual(['islamic-state']);
  });

  test('claims of responsibility are flagged', () => {
    expect(detectionOf('attack', 'Group claimed responsibility for bombing that killed 8')?.claimed).toBe(true);
    expect(detectionOf('attack', 'Bombing killed 8 at market')?.claimed).toBe(false);
  });

  test('an actor alone makes a casualty-free attack medium', () => {
    expect(detectionOf('attack', 'Hamas gunmen opened fire on a crowd')?.severity).toBe('medium');
  });
});

describe('language', () => {
  test('taken from the input when given, otherwise from the matched terms or tinyld', () => {
    const det = shippedDetector();
    expect(det.detect({ title: 'Gunman kills 3', summary: '', language: 'xx' })[0]?.language).toBe('xx');
    expect(det.detect({ title: 'Terroranschlag in Berlin: drei Tote', summary: '' })[0]?.language).toBe('de');
    expect(det.detect({ title: 'Tiroteo en Madrid deja tres muertos', summary: '' })[0]?.language).toBe('es');
  });
});
