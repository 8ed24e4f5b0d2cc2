/**
 * A campaign sent in English, Spanish and Italian from one template each,
 * with edits, reordered sentences, other greetings and changed names; and
 * comments on the same topic in their own words, which must stay apart.
 */
export const CAMPAIGN = {
  en: [
    "Please keep the Riverside day centre open at weekends. People sleeping rough have nowhere warm to go on Saturday and Sunday, and the library closes early. The strategy should fund weekend opening and hot meals before any new building work starts.",
    "Dear Sir or Madam,\nPlease keep the Riverside day centre open at weekends. People sleeping rough have nowhere warm to go on Saturday and Sunday, and the library closes early. The strategy should fund weekend opening and hot meals before any new building work starts.\nYours faithfully, John Smith",
    "Hello councillors! The strategy must fund weekend opening and hot food before any new building work starts. Please keep the Riverside day centre open at weekends. People sleeping rough have nowhere warm to go on Saturday and Sunday, and the library closes early.\nThanks, Mary O'Neill",
  ],
  es: [
    "Por favor, mantengan abierto el centro de día Riverside los fines de semana. Las personas que duermen en la calle no tienen un lugar cálido adonde ir el sábado y el domingo, y la biblioteca cierra temprano. La estrategia debería financiar la apertura en fin de semana y comidas calientes antes de empezar cualquier obra nueva.",
    "¡Hola! La estrategia debería financiar la apertura en fin de semana y comidas calientes antes de empezar cualquier obra nueva. Por favor, mantengan abierto el centro de día Riverside los fines de semana. Las personas que duermen en la calle no tienen un sitio cálido adonde ir el sábado y el domingo, y la biblioteca cierra temprano.\nSaludos, María García",
    "Estimados concejales: Por favor, mantengan abierto el centro de dia Riverside los fines de semana. Las personas que duermen en la calle no tienen un lugar calido adonde ir el sabado y el domingo, y la biblioteca cierra muy temprano. La estrategia deberia financiar la apertura en fin de semana y comidas calientes antes de empezar cualquier obra nueva. Atentamente, José Pérez",
  ],
  it: [
    "Vi prego di tenere aperto il centro diurno Riverside nei fine settimana. Le persone che dormono per strada non hanno un posto caldo dove andare il sabato e la domenica, e la biblioteca chiude presto. La strategia dovrebbe finanziare l'apertura nel fine settimana e pasti caldi prima di iniziare qualsiasi nuovo cantiere.",
    "Buongiorno,\nLe persone che dormono per strada non hanno un posto caldo dove andare il sabato e la domenica, e la biblioteca chiude presto. Vi prego di tenere aperto il centro diurno Riverside nei fine settimana. La strategia deve finanziare l'apertura nel fine settimana e pasti caldi prima di iniziare qualsiasi nuovo cantiere.\nCordiali saluti, Giulia Rossi",
    "Gentili consiglieri, vi prego di tenere aperto il centro diurno Riverside nei fine settimana. Le persone che dormono per strada non hanno un posto caldo dove andare il sabato e la domenica, e la biblioteca chiude presto. La strategia dovrebbe finanziare l'apertura nel fine settimana e pasti caldi prima di iniziare qualsiasi nuovo cantiere. Grazie, Marco Bianchi",
  ],
};

/** Same topic, same place, own words: none of these is a near-duplicate of another or of the campaign. */
export const SAME_TOPIC = [
  "The Riverside day centre should open at weekends because many people sleeping rough have nowhere to go when it is cold.",
  "I volunteer at the Riverside day centre and we could open on Saturdays if the council paid for two more members of staff.",
  "Weekend opening matters, but hot meals and showers at the Riverside centre matter more to the people I work with every day.",
  "Keep the library open later in winter so people sleeping rough have somewhere warm to go in the evening and at weekends.",
  "El centro de día Riverside debería abrir los fines de semana, porque en invierno hace mucho frío en la calle para quien duerme fuera.",
  "Il centro diurno Riverside dovrebbe aprire anche il sabato, perché d'inverno per strada fa troppo freddo per chi non ha una casa.",
];
