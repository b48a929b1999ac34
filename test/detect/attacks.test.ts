import { detectionOf, kindsOf } from './shipped-detector';

// Our own sentences, one or more per supported language: each must be an attack.
const ATTACKS: [lang: string, title: string, summary: string][] = [
  ['en', 'Gunmen storm hotel lobby in Nairobi', 'Several gunmen opened fire on guests in the lobby, killing at least six people, police said.'],
  ['en', 'Suicide bomber strikes wedding party', 'A suicide bomber blew himself up among guests; dozens were wounded.'],
  ['en', 'Man rams car into crowd at street fair', 'A man drove a car into a crowd at a street fair on Saturday, injuring 14 people.'],
  ['en', 'Hostage-taking at supermarket ends', 'An armed man took hostages in a supermarket; two people were killed before police stormed the shop.'],
  ['fr', 'Attaque au couteau dans une gare de Lyon', 'Un homme a blessé trois personnes à coups de couteau ; le parquet national antiterroriste est saisi.'],
  ['fr', 'Fusillade devant une synagogue', "Un tireur a ouvert le feu devant une synagogue, faisant deux morts et quatre blessés."],
  ['de', 'Terroranschlag in Hamburg: vier Tote', 'Ein Attentäter hat in einer Kirche vier Menschen getötet und sieben weitere verletzt.'],
  ['de', 'Messerangriff auf Stadtfest', 'Bei einem Messerangriff auf einem Stadtfest wurden zwei Menschen schwer verletzt.'],
  ['es', 'Atentado en una estación de autobuses', 'Una bomba estalló en la estación y causó al menos once muertos y 30 heridos.'],
  ['es', 'Tiroteo en un centro comercial', 'Un pistolero abrió fuego contra los clientes y mató a tres personas.'],
  ['it', 'Attentato a un mercato: cinque morti', "Un'esplosione ha colpito il mercato, almeno cinque morti e dodici feriti."],
  ['it', 'Accoltellamento in metropolitana', 'Un uomo ha accoltellato due passanti alla fermata, i feriti sono gravi.'],
  ['nl', 'Aanslag op kerstmarkt', 'Een bestuurder reed met een vrachtwagen in op de menigte; er vielen drie doden en twintig gewonden.'],
  ['nl', 'Schietpartij in winkelcentrum', 'Een schutter heeft in het winkelcentrum vijf mensen doodgeschoten.'],
  ['sv', 'Terrordåd i centrala Göteborg', 'En man körde in i en folkmassa med en lastbil. Två personer dödades och åtta skadades.'],
  ['sv', 'Skottlossning vid skola', 'En skytt öppnade eld på en skola; tre döda och flera skadade.'],
  ['no', 'Terrorangrep i Bergen sentrum', 'En mann angrep forbipasserende med kniv. To personer ble drept og tre skadet.'],
  ['no', 'Skyting utenfor utested', 'Gjerningsmannen åpnet ild mot gjestene. Fem er skadd, én er drept.'],
  ['da', 'Skyderi i indkøbscenter', 'En gerningsmand åbnede ild i centret; tre dræbt og fire sårede.'],
  ['da', 'Terrorangreb mod koncert', 'Et terrorangreb mod en koncert kostede seks mennesker livet.'],
  ['pt', 'Atentado em Lisboa deixa feridos', 'Um homem esfaqueou quatro pessoas numa praça; dois feridos graves.'],
  ['pl', 'Zamach w centrum miasta', 'Napastnik zabił dwie osoby, a czterech ranił.'],
  ['ru', 'Теракт в торговом центре', 'Боевики открыли огонь по людям, погибли 12 человек, ранены 30.'],
  ['tr', 'İstanbul’da bombalı saldırı', 'Patlamada 5 kişi hayatını kaybetti, 20 kişi yaralandı.'],
];

describe('attacks in every supported language', () => {
  test.each(ATTACKS)('%s: %s', (_lang, title, summary) => {
    expect(kindsOf(title, summary)).toContain('attack');
  });

  test('severity follows casualties', () => {
    expect(detectionOf('attack', 'Gunman kills 12 at concert', '')?.severity).toBe('critical');
    expect(detectionOf('attack', 'Shooting at mall', 'A gunman opened fire, killing two people.')?.severity).toBe('high');
    expect(detectionOf('attack', 'Terror attack in city centre', 'Police say one person was injured.')?.severity).toBe('medium');
    expect(detectionOf('attack', 'Car bomb attack near market', 'At least 40 people were injured and 12 killed.')?.severity).toBe('critical');
  });

  test('a title-only text and a summary-only text are both read', () => {
    expect(kindsOf('Gunmen open fire on worshippers, 7 killed')).toContain('attack');
    expect(kindsOf('', 'Gunmen opened fire on worshippers, killing seven.')).toContain('attack');
  });
});
