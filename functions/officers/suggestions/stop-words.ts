/**
 * Common words that say nothing about what a comment is about, in the
 * languages the site speaks, written without accents (as plainLetters gives
 * them). They also tell which language a comment is in, to choose its stemmer.
 */
export type StemLanguage = "en" | "es" | "it";

const words = (list: string) => new Set(list.split(/\s+/).filter(Boolean));

export const STOP_WORDS: Record<StemLanguage, Set<string>> = {
  en: words(`
    a about above after again against all also am an and any are as at be because been before being below between both but by
    can could did do does doing down during each few for from further get gets got had has have having he her here hers him his
    how i if in into is it its just let like make many me more most much must my no nor not now of off on once only or other
    our ours out over own please really same see she should so some still such than that the their them then there these they
    this those through to too under until up upon us very was way we well were what when where which while who whom why will
    with would you your yours lot lots need needs needed think thing things people person want really just also
    would could should might there their theyre dont doesnt isnt arent cant wont im ive
  `),
  es: words(`
    a al algo algun alguna algunas alguno algunos ante antes aqui asi aun bajo bien cada casi como con contra cual cuales cuando
    de del desde donde dos el ella ellas ello ellos en entre era eran es esa esas ese eso esos esta estaba estan estar estas
    este esto estos fue fueron ha haber habia hace hacen hacer hay la las le les lo los mas me mi mis mucho muchos muy nada
    ni no nos nosotros o otra otras otro otros para pero poco por porque puede pueden que quien se sea ser si sido sin sobre
    son su sus tambien tan tanto te tener tiene tienen todo todos tu tus un una unas uno unos usted ya yo creo gente personas
    deberia deberian necesita necesitan mejor hay
  `),
  it: words(`
    a ad al alla alle allo agli ai anche ancora avere aveva c che chi ci come con contro cosa cui da dal dalla dalle dai degli
    dei del della delle dello di dove e ed era erano essere fa fare gli ha hanno ho i il in io la le lei li lo loro lui ma me
    mi molto molti ne nei nel nella nelle nello noi non nostro o ogni per perche piu poco poi puo quale quando quanto quella
    quelle quello questa queste questo qui se sei si sia siamo sono sta stato su sua sue sui sul sulla suo suoi tra tu tutti
    tutto un una uno vi voi gia essere sempre persone gente bisogno dovrebbe dovrebbero serve servono meglio
  `),
};
