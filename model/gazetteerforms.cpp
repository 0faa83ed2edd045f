// The gazetteer's curated tables: data, kept apart from the matching code.
#include "gazetteerforms.h"

namespace spheres {

namespace {

using Kind = LinkTarget::Kind;

const CuratedForm kCurated[] = {
    // Groups: the usual short name of the Arctic Council states.
    {u"the Arctic", Kind::Group, u"arctic"},
    // The Shanghai Cooperation Organisation is the "sco" layer as a whole.
    {u"Shanghai Cooperation Organization", Kind::Feature, u"sco"},
    {u"Shanghai Cooperation Organisation", Kind::Feature, u"sco"},
    {u"SCO", Kind::Feature, u"sco"},
    // Pipelines: spellings the display names do not give.
    {u"Power of Siberia 1", Kind::Feature, u"pipelines/power-of-siberia"},
    {u"Power of Siberia-1", Kind::Feature, u"pipelines/power-of-siberia"},
    {u"Power of Siberia-2", Kind::Feature, u"pipelines/power-of-siberia-2"},
    {u"ESPO pipeline", Kind::Feature, u"pipelines/espo"},
    {u"Eastern Siberia-Pacific Ocean pipeline", Kind::Feature, u"pipelines/espo"},
    {u"Central Asia-China pipeline", Kind::Feature,
     u"pipelines/cagp-a pipelines/cagp-b pipelines/cagp-c pipelines/cagp-d"},
    // Contested zones: the sea as a whole, short and plural forms. The zones are linked next to
    // the small territories the atlas has as regions (Spratly Islands, Scarborough Shoal).
    {u"South China Sea", Kind::Feature,
     u"contested/nine-dash-line contested/spratly-islands contested/paracel-islands contested/scarborough-shoal"},
    {u"Spratly Islands", Kind::Feature, u"contested/spratly-islands"},
    {u"Spratlys", Kind::Feature, u"contested/spratly-islands"},
    {u"the Spratlys", Kind::Feature, u"contested/spratly-islands"},
    {u"Spratly", Kind::Feature, u"contested/spratly-islands"},
    {u"Paracels", Kind::Feature, u"contested/paracel-islands"},
    {u"the Paracels", Kind::Feature, u"contested/paracel-islands"},
    {u"Paracel", Kind::Feature, u"contested/paracel-islands"},
    {u"Scarborough Shoal", Kind::Feature, u"contested/scarborough-shoal"},
    {u"Senkaku", Kind::Feature, u"contested/senkaku-diaoyu"},
    {u"Senkakus", Kind::Feature, u"contested/senkaku-diaoyu"},
    {u"Diaoyu", Kind::Feature, u"contested/senkaku-diaoyu"},
    {u"Kuril", Kind::Feature, u"contested/kuril-islands"},
    {u"Kurils", Kind::Feature, u"contested/kuril-islands"},
    {u"Kuril Islands", Kind::Feature, u"contested/kuril-islands"},
    {u"Kurile Islands", Kind::Feature, u"contested/kuril-islands"},
    {u"Kuriles", Kind::Feature, u"contested/kuril-islands"},
    {u"Jammu and Kashmir", Kind::Feature, u"contested/kashmir"},
    {u"Arunachal", Kind::Feature, u"contested/arunachal-pradesh"},
    {u"Taiwan Strait", Kind::Feature, u"contested/taiwan"},
    {u"Dokdo", Kind::Feature, u"contested/dokdo-takeshima"},
    {u"Takeshima", Kind::Feature, u"contested/dokdo-takeshima"},
    // Topics: named things that are not on the map.
    {u"Belt and Road Initiative", Kind::Topic, u"belt-and-road"},
    {u"Belt and Road", Kind::Topic, u"belt-and-road"},
    {u"BRI", Kind::Topic, u"belt-and-road"},
    {u"One Belt, One Road", Kind::Topic, u"belt-and-road"},
    {u"One Belt One Road", Kind::Topic, u"belt-and-road"},
    {u"OBOR", Kind::Topic, u"belt-and-road"},
    // Organisations and pipelines no built-in layer draws; a layer that names one takes it.
    {u"AUKUS", Kind::Topic, u"aukus"},
    {u"Nord Stream", Kind::Topic, u"nord-stream"},
    {u"Nord Stream 2", Kind::Topic, u"nord-stream"},
    {u"TurkStream", Kind::Topic, u"turkstream"},
    {u"Turkish Stream", Kind::Topic, u"turkstream"},
};

const QStringView kNotPlaces[] = {
    u"Indian Ocean",                                          // not India
    u"American Indian", u"Native American", u"Native Americans",
    u"Latin America", u"Latin American", u"Latin Americans", // not the United States
    u"South America", u"South American", u"South Americans",
    u"Central America", u"Central American", u"Central Americans",
    u"North America", u"North American", u"North Americans",
    u"the Americas",
    u"West Indies", u"West Indian",                           // not India
    u"East China Sea",                                        // not China (the Senkakus are named apart)
    u"New Guinea",                                            // the island, not Guinea
    u"British Columbia",                                      // not the United Kingdom
    u"New Jersey", u"New Mexico",                             // US states
    u"Washington Post", u"George Washington",
    u"Paris Agreement", u"Paris Climate Agreement", u"Paris Club",  // agreements named after the venue
    u"Minsk agreements", u"Minsk Agreements", u"Washington Consensus", u"Helsinki Final Act",
    u"Istanbul Convention", u"Vienna Convention",
};

} // namespace

std::span<const CuratedForm> curatedForms() { return kCurated; }

std::span<const QStringView> namesThatAreNotPlaces() { return kNotPlaces; }

} // namespace spheres
