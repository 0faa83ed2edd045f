#include "stancelexicon.h"

#include <algorithm>

namespace spheres {

namespace {

struct CueRow
{
    QStringView phrase;
    Stance stance;
    double weight;
};

// The cue lexicon. Phrases are matched in lower case (capitalised only at the start of the
// sentence, so the month "May" is no hedge) on word boundaries, longest first, outside the
// names the gazetteer found ("Shanghai Cooperation Organization" is no cooperation cue).
// Weights: a rivalry or cooperation cue counts 1; commentary counts 2, since a sentence that
// reports what analysts think or what follows from something is context even when it names
// a partnership; a hedge or time frame counts 0.5, enough to make an otherwise bare sentence
// context and to lower the confidence of a stance, never enough to overturn a plain one.
const CueRow kCues[] = {
    // Rivalry: conflict, competition and distrust between the actors named.
    {u"conflict", Stance::Rivalry, 1}, {u"conflicts", Stance::Rivalry, 1},
    {u"competition", Stance::Rivalry, 1}, {u"compete", Stance::Rivalry, 1}, {u"competes", Stance::Rivalry, 1},
    {u"competing", Stance::Rivalry, 1}, {u"competitor", Stance::Rivalry, 1}, {u"competitors", Stance::Rivalry, 1},
    {u"rival", Stance::Rivalry, 1}, {u"rivals", Stance::Rivalry, 1}, {u"rivalry", Stance::Rivalry, 1},
    {u"rivalries", Stance::Rivalry, 1},
    {u"tension", Stance::Rivalry, 1}, {u"tensions", Stance::Rivalry, 1},
    {u"dispute", Stance::Rivalry, 1}, {u"disputes", Stance::Rivalry, 1}, {u"disputed", Stance::Rivalry, 1},
    {u"concern", Stance::Rivalry, 1}, {u"concerns", Stance::Rivalry, 1},
    {u"fear", Stance::Rivalry, 1}, {u"fears", Stance::Rivalry, 1}, {u"feared", Stance::Rivalry, 1},
    {u"threat", Stance::Rivalry, 1}, {u"threats", Stance::Rivalry, 1}, {u"threaten", Stance::Rivalry, 1},
    {u"threatens", Stance::Rivalry, 1}, {u"threatened", Stance::Rivalry, 1},
    {u"undermine", Stance::Rivalry, 1}, {u"undermines", Stance::Rivalry, 1}, {u"undermined", Stance::Rivalry, 1},
    {u"undermining", Stance::Rivalry, 1},
    {u"assertiveness", Stance::Rivalry, 1}, {u"assertive", Stance::Rivalry, 1},
    {u"expansionism", Stance::Rivalry, 1}, {u"expansionist", Stance::Rivalry, 1},
    {u"challenge", Stance::Rivalry, 1}, {u"challenges", Stance::Rivalry, 1}, {u"challenged", Stance::Rivalry, 1},
    {u"oppose", Stance::Rivalry, 1}, {u"opposes", Stance::Rivalry, 1}, {u"opposed", Stance::Rivalry, 1},
    {u"opposing", Stance::Rivalry, 1}, {u"opposition", Stance::Rivalry, 1},
    {u"dissatisfaction", Stance::Rivalry, 1}, {u"dissatisfied", Stance::Rivalry, 1},
    {u"at odds", Stance::Rivalry, 1}, {u"friction", Stance::Rivalry, 1}, {u"frictions", Stance::Rivalry, 1},
    {u"clash", Stance::Rivalry, 1}, {u"clashes", Stance::Rivalry, 1}, {u"clashed", Stance::Rivalry, 1},
    {u"hostility", Stance::Rivalry, 1}, {u"hostile", Stance::Rivalry, 1},
    {u"distrust", Stance::Rivalry, 1}, {u"mistrust", Stance::Rivalry, 1}, {u"suspicion", Stance::Rivalry, 1},
    {u"confrontation", Stance::Rivalry, 1}, {u"standoff", Stance::Rivalry, 1}, {u"sanctions", Stance::Rivalry, 1},
    {u"trade war", Stance::Rivalry, 1}, {u"arms race", Stance::Rivalry, 1},
    {u"counterbalance", Stance::Rivalry, 1},
    {u"condemn", Stance::Rivalry, 1}, {u"condemns", Stance::Rivalry, 1}, {u"condemned", Stance::Rivalry, 1},
    {u"condemnation", Stance::Rivalry, 1},
    {u"accuse", Stance::Rivalry, 1}, {u"accuses", Stance::Rivalry, 1}, {u"accused", Stance::Rivalry, 1},
    {u"accusations", Stance::Rivalry, 1},
    {u"complain", Stance::Rivalry, 1}, {u"complains", Stance::Rivalry, 1}, {u"complained", Stance::Rivalry, 1},
    {u"protest", Stance::Rivalry, 1}, {u"protested", Stance::Rivalry, 1},
    {u"warn", Stance::Rivalry, 1}, {u"warned", Stance::Rivalry, 1}, {u"warns", Stance::Rivalry, 1},
    {u"blocked", Stance::Rivalry, 1}, {u"blockade", Stance::Rivalry, 1},
    {u"sanctioned", Stance::Rivalry, 1}, {u"sanction", Stance::Rivalry, 1},
    {u"annexed", Stance::Rivalry, 1}, {u"annexation", Stance::Rivalry, 1},
    {u"invaded", Stance::Rivalry, 1}, {u"invasion", Stance::Rivalry, 1},
    {u"attack", Stance::Rivalry, 1}, {u"attacks", Stance::Rivalry, 1}, {u"attacked", Stance::Rivalry, 1},
    {u"struck", Stance::Rivalry, 1}, {u"strikes", Stance::Rivalry, 1},
    {u"war", Stance::Rivalry, 1}, {u"warfare", Stance::Rivalry, 1}, {u"sabotage", Stance::Rivalry, 1},
    {u"angered", Stance::Rivalry, 1}, {u"anger", Stance::Rivalry, 1},
    {u"coercion", Stance::Rivalry, 1}, {u"pressure", Stance::Rivalry, 1}, {u"pressured", Stance::Rivalry, 1},
    {u"harassment", Stance::Rivalry, 1}, {u"provocation", Stance::Rivalry, 1}, {u"provocative", Stance::Rivalry, 1},
    {u"expelled", Stance::Rivalry, 1}, {u"retaliation", Stance::Rivalry, 1}, {u"retaliated", Stance::Rivalry, 1},
    {u"claims", Stance::Rivalry, 1}, {u"claimed", Stance::Rivalry, 1}, {u"rival claims", Stance::Rivalry, 1},
    {u"at loggerheads", Stance::Rivalry, 1}, {u"strained", Stance::Rivalry, 1},
    // Harm done to a relationship: the relation named after these counts for nothing (kHarm).
    {u"strain", Stance::Rivalry, 1}, {u"strains", Stance::Rivalry, 1},
    {u"erode", Stance::Rivalry, 1}, {u"erodes", Stance::Rivalry, 1}, {u"eroded", Stance::Rivalry, 1},
    {u"damage", Stance::Rivalry, 1}, {u"damaged", Stance::Rivalry, 1}, {u"damages", Stance::Rivalry, 1},
    {u"weaken", Stance::Rivalry, 1}, {u"weakens", Stance::Rivalry, 1}, {u"weakened", Stance::Rivalry, 1},
    {u"jeopardise", Stance::Rivalry, 1}, {u"jeopardize", Stance::Rivalry, 1}, {u"hurt", Stance::Rivalry, 1},
    {u"froze", Stance::Rivalry, 1}, {u"frozen", Stance::Rivalry, 1}, {u"suspended", Stance::Rivalry, 1},
    {u"derail", Stance::Rivalry, 1}, {u"derailed", Stance::Rivalry, 1}, {u"sour", Stance::Rivalry, 1},
    {u"soured", Stance::Rivalry, 1}, {u"cut ties", Stance::Rivalry, 1}, {u"severed", Stance::Rivalry, 1},
    // Acts one state takes against another: refusals, withdrawals, charges, force.
    {u"reject", Stance::Rivalry, 1}, {u"rejects", Stance::Rivalry, 1}, {u"rejected", Stance::Rivalry, 1},
    {u"rebuffed", Stance::Rivalry, 1}, {u"refused", Stance::Rivalry, 1}, {u"refuses", Stance::Rivalry, 1},
    {u"revoked", Stance::Rivalry, 1}, {u"scrapped", Stance::Rivalry, 1}, {u"tore up", Stance::Rivalry, 1},
    {u"withdrew from", Stance::Rivalry, 1}, {u"withdrawn from", Stance::Rivalry, 1},
    {u"pulled out of", Stance::Rivalry, 1}, {u"ordered out", Stance::Rivalry, 1}, {u"expel", Stance::Rivalry, 1},
    {u"against", Stance::Rivalry, 0.5}, {u"objections", Stance::Rivalry, 1}, {u"objected", Stance::Rivalry, 1},
    {u"criticised", Stance::Rivalry, 1}, {u"criticized", Stance::Rivalry, 1}, {u"criticism", Stance::Rivalry, 1},
    {u"denounced", Stance::Rivalry, 1}, {u"suspect", Stance::Rivalry, 1}, {u"suspects", Stance::Rivalry, 1},
    {u"suspected", Stance::Rivalry, 1}, {u"worry", Stance::Rivalry, 1}, {u"worries", Stance::Rivalry, 1},
    {u"worried", Stance::Rivalry, 1}, {u"alarm", Stance::Rivalry, 1}, {u"alarmed", Stance::Rivalry, 1},
    {u"violating", Stance::Rivalry, 1}, {u"violated", Stance::Rivalry, 1}, {u"violation", Stance::Rivalry, 1},
    {u"incursion", Stance::Rivalry, 1}, {u"incursions", Stance::Rivalry, 1}, {u"shot down", Stance::Rivalry, 1},
    {u"seized", Stance::Rivalry, 1}, {u"detained", Stance::Rivalry, 1}, {u"embargo", Stance::Rivalry, 1},
    {u"tariffs", Stance::Rivalry, 1}, {u"boycott", Stance::Rivalry, 1}, {u"vetoed", Stance::Rivalry, 1},
    {u"interference", Stance::Rivalry, 1}, {u"meddling", Stance::Rivalry, 1}, {u"espionage", Stance::Rivalry, 1},
    {u"deterrence", Stance::Rivalry, 1}, {u"deter", Stance::Rivalry, 1}, {u"containment", Stance::Rivalry, 1},
    {u"second front", Stance::Rivalry, 1}, {u"cannot ignore", Stance::Rivalry, 1},
    {u"deteriorated", Stance::Rivalry, 1}, {u"deteriorating", Stance::Rivalry, 1}, {u"worsened", Stance::Rivalry, 1},
    {u"cooled", Stance::Rivalry, 1}, {u"wary", Stance::Rivalry, 1}, {u"suspicious", Stance::Rivalry, 1},
    {u"uneasy", Stance::Rivalry, 1}, {u"resentment", Stance::Rivalry, 1}, {u"counter", Stance::Rivalry, 1},
    {u"countering", Stance::Rivalry, 1}, {u"isolate", Stance::Rivalry, 1}, {u"isolation", Stance::Rivalry, 1},
    {u"pushed back", Stance::Rivalry, 1}, {u"pushback", Stance::Rivalry, 1},

    // Cooperation: working together, agreements, alignment and trade.
    {u"cooperation", Stance::Cooperation, 1}, {u"co-operation", Stance::Cooperation, 1},
    {u"cooperate", Stance::Cooperation, 1}, {u"cooperates", Stance::Cooperation, 1},
    {u"cooperated", Stance::Cooperation, 1}, {u"cooperating", Stance::Cooperation, 1},
    {u"collaborate", Stance::Cooperation, 1}, {u"collaboration", Stance::Cooperation, 1},
    {u"work together", Stance::Cooperation, 1}, {u"working together", Stance::Cooperation, 1},
    {u"worked together", Stance::Cooperation, 1}, {u"works together", Stance::Cooperation, 1},
    {u"alliance", Stance::Cooperation, 1}, {u"alliances", Stance::Cooperation, 1},
    {u"allied", Stance::Cooperation, 1}, {u"allies", Stance::Cooperation, 1}, {u"ally", Stance::Cooperation, 1},
    {u"partnership", Stance::Cooperation, 1}, {u"partnerships", Stance::Cooperation, 1},
    {u"partner", Stance::Cooperation, 1}, {u"partners", Stance::Cooperation, 1},
    {u"closer", Stance::Cooperation, 1}, {u"closeness", Stance::Cooperation, 1},
    {u"joint", Stance::Cooperation, 1}, {u"jointly", Stance::Cooperation, 1},
    {u"agreement", Stance::Cooperation, 1}, {u"agreements", Stance::Cooperation, 1},
    {u"signed", Stance::Cooperation, 1},
    {u"shared interests", Stance::Cooperation, 1}, {u"shared interest", Stance::Cooperation, 1},
    {u"common interest", Stance::Cooperation, 1}, {u"common interests", Stance::Cooperation, 1},
    {u"trade", Stance::Cooperation, 1}, {u"trading", Stance::Cooperation, 1},
    {u"strong", Stance::Cooperation, 1}, {u"stronger", Stance::Cooperation, 1},
    {u"strengthen", Stance::Cooperation, 1}, {u"strengthened", Stance::Cooperation, 1},
    {u"strengthening", Stance::Cooperation, 1},
    {u"support", Stance::Cooperation, 1}, {u"supports", Stance::Cooperation, 1},
    {u"supported", Stance::Cooperation, 1},
    {u"friendship", Stance::Cooperation, 1}, {u"solidarity", Stance::Cooperation, 1},
    {u"alignment", Stance::Cooperation, 1}, {u"aligned", Stance::Cooperation, 1},
    {u"rapprochement", Stance::Cooperation, 1},
    {u"agree", Stance::Cooperation, 1}, {u"agreed", Stance::Cooperation, 1}, {u"agrees", Stance::Cooperation, 1},
    {u"deal", Stance::Cooperation, 1}, {u"deals", Stance::Cooperation, 1}, {u"struck a deal", Stance::Cooperation, 1},
    {u"pact", Stance::Cooperation, 1}, {u"treaty", Stance::Cooperation, 1}, {u"accord", Stance::Cooperation, 1},
    {u"brokered", Stance::Cooperation, 1}, {u"mediated", Stance::Cooperation, 1},
    {u"restored", Stance::Cooperation, 1}, {u"normalised", Stance::Cooperation, 1}, {u"normalized", Stance::Cooperation, 1},
    {u"welcomed", Stance::Cooperation, 1}, {u"welcome", Stance::Cooperation, 1}, {u"welcomes", Stance::Cooperation, 1},
    {u"offered", Stance::Cooperation, 1}, {u"pledged", Stance::Cooperation, 1}, {u"courted", Stance::Cooperation, 1},
    {u"aid", Stance::Cooperation, 1}, {u"assistance", Stance::Cooperation, 1}, {u"grants", Stance::Cooperation, 1},
    {u"ties", Stance::Cooperation, 1}, {u"deepen", Stance::Cooperation, 1}, {u"deepens", Stance::Cooperation, 1},
    {u"deepened", Stance::Cooperation, 1}, {u"deepening ties", Stance::Cooperation, 1},
    {u"buys", Stance::Cooperation, 1}, {u"bought", Stance::Cooperation, 1}, {u"buyers", Stance::Cooperation, 1},
    {u"delivers", Stance::Cooperation, 1}, {u"delivered", Stance::Cooperation, 1}, {u"supplies", Stance::Cooperation, 1},
    {u"contracts", Stance::Cooperation, 1}, {u"investment", Stance::Cooperation, 1}, {u"invested", Stance::Cooperation, 1},
    {u"revive", Stance::Cooperation, 1}, {u"revived", Stance::Cooperation, 1},
    {u"backed", Stance::Cooperation, 1}, {u"backing", Stance::Cooperation, 1},
    {u"host talks", Stance::Cooperation, 1}, {u"mutual", Stance::Cooperation, 1},
    {u"sign", Stance::Cooperation, 1}, {u"signs", Stance::Cooperation, 1}, {u"signing", Stance::Cooperation, 1},
    {u"ratified", Stance::Cooperation, 1}, {u"concluded", Stance::Cooperation, 1},
    {u"arrangement", Stance::Cooperation, 1}, {u"arrangements", Stance::Cooperation, 1},
    {u"invited", Stance::Cooperation, 1}, {u"hosted", Stance::Cooperation, 1}, {u"held talks", Stance::Cooperation, 1},
    {u"reopened", Stance::Cooperation, 1}, {u"resumed", Stance::Cooperation, 1},
    {u"reconciliation", Stance::Cooperation, 1}, {u"ceasefire", Stance::Cooperation, 1}, {u"truce", Stance::Cooperation, 1},
    {u"loans", Stance::Cooperation, 1}, {u"loan", Stance::Cooperation, 1}, {u"financed", Stance::Cooperation, 1},
    {u"improved", Stance::Cooperation, 1}, {u"recovered", Stance::Cooperation, 1}, {u"warmed", Stance::Cooperation, 1},
    {u"thaw", Stance::Cooperation, 1}, {u"survived", Stance::Cooperation, 1}, {u"endured", Stance::Cooperation, 1},
    {u"friendly", Stance::Cooperation, 1}, {u"cordial", Stance::Cooperation, 1}, {u"embraced", Stance::Cooperation, 1},
    {u"guarantees", Stance::Cooperation, 1}, {u"mediation", Stance::Cooperation, 1},

    // Context, commentary: what observers think and what follows from the facts.
    {u"implications", Stance::Context, 2}, {u"implication", Stance::Context, 2},
    {u"analysts", Stance::Context, 2}, {u"analyst", Stance::Context, 2}, {u"some analysts", Stance::Context, 2},
    {u"experts", Stance::Context, 2}, {u"observers", Stance::Context, 2}, {u"commentators", Stance::Context, 2},
    {u"scholars", Stance::Context, 2},
    {u"others have suggested", Stance::Context, 2}, {u"others suggest", Stance::Context, 2},
    {u"some argue", Stance::Context, 2}, {u"others argue", Stance::Context, 2},
    {u"it is argued", Stance::Context, 2}, {u"it has been argued", Stance::Context, 2},
    {u"as routine", Stance::Context, 2}, {u"in some quarters", Stance::Context, 2},

    // Context, hedges and time frames.
    {u"could", Stance::Context, 0.5}, {u"may", Stance::Context, 0.5}, {u"might", Stance::Context, 0.5},
    {u"likely", Stance::Context, 0.5}, {u"unlikely", Stance::Context, 0.5},
    {u"potential", Stance::Context, 0.5}, {u"potentially", Stance::Context, 0.5},
    {u"possibly", Stance::Context, 0.5}, {u"perhaps", Stance::Context, 0.5},
    {u"unclear", Stance::Context, 0.5}, {u"uncertain", Stance::Context, 0.5},
    {u"in recent years", Stance::Context, 0.5}, {u"in the coming years", Stance::Context, 0.5},
    {u"reportedly", Stance::Context, 0.5}, {u"appears to", Stance::Context, 0.5}, {u"seems to", Stance::Context, 0.5},
    {u"expected to", Stance::Context, 0.5},
};

// Concessive clauses ("Despite their shared interests, …") grant what the sentence then
// sets aside: cues from the marker to the next comma are not counted.
const QStringView kConcessive[] = {u"despite", u"in spite of", u"although", u"even though", u"though",
                                   u"notwithstanding", u"while", u"whereas"};

// Contrastive connectives inside a sentence ("cooperate on energy but compete for markets"):
// the clause after the connective carries the point, so cues before it count half.
const QStringView kContrast[] = {u"but", u"however", u"yet", u"nevertheless", u"nonetheless", u"even so",
                                 u"instead"};

// Verbs that end a rivalry: the rivalry cue they govern ("ended their dispute", "eased
// tensions") is cooperation between the parties.
const QStringView kResolve[] = {u"ended", u"end", u"ending", u"ends", u"resolved", u"resolve", u"resolving",
                                u"settled", u"settle", u"ease", u"eased", u"easing", u"defused", u"defuse",
                                u"overcame", u"overcome", u"calmed", u"de-escalate", u"reduce", u"reduced"};
// Of those, the ones that also end a cooperation named after them in their clause ("ended any
// prospect of a return to the old arrangement", "reduced its cooperation"): rivalry.
const QStringView kEnding[] = {u"ended", u"end", u"ending", u"ends", u"reduce", u"reduced"};

// Words that negate a cue a few words on: "have not agreed", "no cooperation", "failed to honour".
const QStringView kNegations[] = {u"not", u"no", u"never", u"nor", u"without", u"cannot", u"lack", u"lacks",
                                  u"failed", u"failing", u"fails", u"refused", u"refuses", u"declined"};

// Verbs of harm done to a relationship: "may strain the partnership" is rivalry, and the
// partnership named after the verb (in the same clause) is no cooperation cue.
const QStringView kHarm[] = {u"strain", u"strains", u"strained", u"undermine", u"undermines", u"undermined",
                             u"undermining", u"erode", u"erodes", u"eroded", u"damage", u"damaged", u"damages",
                             u"weaken", u"weakens", u"weakened", u"jeopardise", u"jeopardize", u"hurt",
                             u"threaten", u"threatens", u"threatened", u"froze", u"suspended", u"derail",
                             u"derailed", u"sour", u"soured", u"severed", u"challenge", u"challenged", u"challenges",
                             u"reject", u"rejects", u"rejected", u"rebuffed", u"refused", u"refuses", u"revoked",
                             u"scrapped", u"tore up", u"withdrew from", u"withdrawn from", u"pulled out of"};

// Phrases that make the subject a pair even when the sentence does not name both.
const QStringView kPairPhrases[] = {u"both countries", u"the two countries", u"both nations", u"the two nations",
                                    u"both sides", u"the two sides", u"both powers", u"the two powers",
                                    u"both governments", u"the two governments"};

// Words after a cue that make the next name a place rather than the cue's object.
const QStringView kLocatives[] = {u"in", u"over", u"across", u"within", u"inside", u"at", u"on", u"near",
                                  u"around", u"throughout", u"between", u"among", u"into"};

} // namespace

namespace StanceLexicon {

const QList<StanceCue> &cues()
{
    static const QList<StanceCue> list = [] {
        QList<StanceCue> out;
        for (const CueRow &row : kCues)
            out.push_back({row.phrase.toString(), row.stance, row.weight});
        // Longest first, so "some analysts" is one cue and "trade war" is no trade.
        std::stable_sort(out.begin(), out.end(),
                         [](const StanceCue &a, const StanceCue &b) { return a.phrase.size() > b.phrase.size(); });
        return out;
    }();
    return list;
}

std::span<const QStringView> concessive() { return kConcessive; }
std::span<const QStringView> contrast() { return kContrast; }
std::span<const QStringView> resolve() { return kResolve; }
std::span<const QStringView> ending() { return kEnding; }
std::span<const QStringView> negations() { return kNegations; }
std::span<const QStringView> harm() { return kHarm; }
std::span<const QStringView> pairPhrases() { return kPairPhrases; }
std::span<const QStringView> locatives() { return kLocatives; }

} // namespace StanceLexicon

} // namespace spheres
