import { eventTraits, meansConflict, sharedTraits } from '../../src/incidents/event-traits';

describe('event traits: the means of an attack, in many languages and inflections', () => {
  it.each([
    ['A man stabbed three passers-by before police arrived', 'stabbing'],
    ['Un homme a poignardé deux passants', 'stabbing'],
    ['Mit einem Küchenmesser ging er auf Passanten los', 'stabbing'],
    ['Un uomo ha accoltellato due persone', 'stabbing'],
    ['Мужчина с ножом напал на прохожих', 'stabbing'],
    ['Bıçaklı saldırgan iki kişiyi yaraladı', 'stabbing'],
    ['هاجم رجل المارة بسكين', 'stabbing'],
    ['Gunmen opened fire on diners', 'shooting'],
    ['Eine Schießerei vor dem Rathaus', 'shooting'],
    ['Tiroteo en una escuela', 'shooting'],
    ['Strzelanina przed sklepem', 'shooting'],
    ['Стрельба в торговом центре', 'shooting'],
    ['Πυροβολισμοί στο κέντρο της πόλης', 'shooting'],
    ['إطلاق نار في حي المطاعم', 'shooting'],
    ['A suicide bomber blew himself up', 'bombing'],
    ['Explosión en el mercado central', 'bombing'],
    ['Взрыв прогремел в троллейбусе', 'bombing'],
    ['Bombalı saldırı girişimi', 'bombing'],
    ['انفجار سيارة مفخخة', 'bombing'],
    ['Mit 100 km/h in die Menge gerast', 'ramming'],
    ['Un camion fonce sur la foule', 'ramming'],
    ['En lastebil kjørte inn i folkemengden', 'ramming'],
    ['Prise d’otages dans une église', 'hostage'],
    ['Geiselnahme in einem Supermarkt', 'hostage'],
    ['Захват заложников в школе', 'hostage'],
    ['Brandanschlag auf eine Unterkunft', 'arson'],
    ['Podpalenie meczetu', 'arson'],
  ])('%s → %s', (text, means) => {
    expect(eventTraits(text).means).toContain(means);
  });

  it.each([
    'The victim is in stable condition, Metropolitan Police said',
    'The suspect was trained abroad and ran a business',
    'Le siège du parti a été évacué',
    'Er wurde von Moskau nach Istanbul gebracht',
  ])('words that only look like a means tell none: %s', (text) => {
    expect(eventTraits(text).means).toEqual([]);
  });
});

describe('event traits: the target', () => {
  it.each([
    ['Explosions at the airport of Zaventem', 'airport'],
    ['Взрыв в аэропорту Домодедово', 'airport'],
    ['Wybuch w metrze w Petersburgu', 'transit'],
    ['Anschlag am Bahnhof', 'transit'],
    ['Attentat à la gare', 'transit'],
    ['Geiselnahme in Kirche', 'worship'],
    ['Attaque contre une mosquée', 'worship'],
    ['Tiroteo en una escuela', 'school'],
    ['Stravična tragedija u školi', 'school'],
    ['Hotel siege in Ouagadougou', 'hotel'],
    ['Anschlag auf einen Weihnachtsmarkt', 'market'],
    ['Attack on Istanbul nightclub', 'venue'],
    ['Gunmen at the Bardo museum', 'museum'],
  ])('%s → %s', (text, target) => {
    expect(eventTraits(text).targets).toContain(target);
  });

  it('a metropolis is not a metro, nor metres a station', () => {
    expect(eventTraits('a 100 metros de la Metropolitana').targets).toEqual([]);
  });
});

describe('comparing traits', () => {
  const stab = eventTraits('Knife attack in the city centre');
  const bomb = eventTraits('Explosion in the city centre');
  const both = eventTraits('Van drove into pedestrians, then the driver stabbed a policeman');
  const none = eventTraits('Attack in the city centre');

  it('two means with none in common conflict; a shared one, or none named, does not', () => {
    expect(meansConflict(stab, bomb)).toBe(true);
    expect(meansConflict(stab, both)).toBe(false);
    expect(meansConflict(stab, none)).toBe(false);
    expect(meansConflict(none, bomb)).toBe(false);
  });

  it('shares the means and targets both name', () => {
    expect(sharedTraits(eventTraits('Bomb at the metro station'), eventTraits('Взрыв в метро')).targets).toEqual(['transit']);
    expect(sharedTraits(stab, both).means).toEqual(['stabbing']);
  });
});
