#include "contextpanel.h"

#include "atlas.h"
#include "brief.h"
#include "claimfinder.h"
#include "claimlist.h"
#include "geoarea.h"
#include "internallink.h"
#include "safetext.h"
#include "sourcelink.h"
#include "stancestyle.h"
#include "regionfacts.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QScrollBar>
#include <QTextDocument>
#include <QVBoxLayout>

#include <algorithm>

namespace spheres {

namespace {

QString section(const QString &label, const QString &html)
{
    return html.isEmpty() ? QString() : QStringLiteral("<h4 style='margin-bottom:2px'>%1</h4>%2").arg(SafeText::html(label), html);
}

/// A user layer's attribute as text: numbers and strings as the file gives them, nested GeoJSON
/// values as compact JSON.
QString attributeText(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantMap || value.typeId() == QMetaType::QVariantList)
        return QString::fromUtf8(QJsonDocument::fromVariant(value).toJson(QJsonDocument::Compact));
    return value.toString();
}

/// A file may have hundreds of columns; the panel shows the first ones.
constexpr int kMaxAttributesShown = 100;

QString periodsText(const Feature &f)
{
    QStringList parts;
    for (const Period &p : f.details().periods)
        parts << (p.until ? QStringLiteral("%1–%2: %3").arg(p.since).arg(*p.until - 1).arg(p.status)
                          : QStringLiteral("since %1: %2").arg(p.since).arg(p.status));
    return parts.join(QStringLiteral("; "));
}

QString sourcesHtml(const QList<Source> &sources)
{
    QString html;
    for (const Source &s : sources)
        html += QStringLiteral("<li>%1 — %2, %3</li>")
                    .arg(SourceLink::html(s.title.isEmpty() ? s.url : s.title, s.url), SafeText::html(s.publisher), SafeText::html(s.date));
    return html.isEmpty() ? QString() : QStringLiteral("<ul style='margin-left:-20px'>%1</ul>").arg(html);
}

/// Sources on one line: each title a link, with its publisher and date.
QString sourcesLine(const QList<Source> &sources)
{
    QStringList items;
    for (const Source &s : sources)
        items << QStringLiteral("%1 (%2, %3)")
                     .arg(SourceLink::html(s.title.isEmpty() ? s.url : s.title, s.url), SafeText::html(s.publisher),
                          SafeText::html(s.date));
    return items.join(QStringLiteral("; "));
}

} // namespace

ContextPanel::ContextPanel(QWidget *parent) : QWidget(parent)
{
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(6);
    m_title = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setWeight(QFont::DemiBold);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_title->setTextFormat(Qt::PlainText); // names and titles come from files: always text
    m_subtitle = new QLabel;
    m_subtitle->setTextFormat(Qt::PlainText);
    m_subtitle->setWordWrap(true);
    m_subtitle->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_body = new QLabel;
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_body->setOpenExternalLinks(false);
    connect(m_body, &QLabel::linkActivated, this, &ContextPanel::onLink);
    connect(m_body, &QLabel::linkHovered, this, [this](const QString &link) {
        const auto target = InternalLink::parse(link);
        emit claimHovered(target && target->kind == InternalLink::Kind::Claim ? target->id : QString());
    });
    for (QLabel *label : {m_title, m_subtitle, m_body})
        layout->addWidget(label);
    layout->addStretch(1);

    m_scroll = new QScrollArea;
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_scroll);
    // Tab lands on the scroll area (arrows scroll it), which a screen reader announces with the
    // summary; the next Tab goes through the text's links.
    setFocusProxy(m_scroll);
    setAccessibleName(tr("Context"));
    m_scroll->setAccessibleName(accessibleName());
    showNothing();
}

void ContextPanel::setAtlas(std::shared_ptr<const Atlas> atlas)
{
    m_atlas = std::move(atlas);
    m_measured.clear();
    refresh();
}

void ContextPanel::setLayers(QList<std::shared_ptr<const Layer>> layers)
{
    m_layers = std::move(layers);
    m_measured.clear();
    refresh();
}

void ContextPanel::setYear(int year)
{
    m_year = year;
    refresh();
}

void ContextPanel::setBrief(const Brief *brief, const ClaimIndex *claimIndex)
{
    m_brief = brief;
    m_claimIndex = claimIndex;
    refresh();
}

void ContextPanel::refresh()
{
    if (!m_claim.isEmpty())
        showClaim(m_claim);
    else if (!m_feature.isEmpty())
        showFeature(m_feature);
    else
        showRegion(m_code);
}

void ContextPanel::clear()
{
    m_code.clear();
    m_feature.clear();
    m_claim.clear();
    showNothing();
}

void ContextPanel::scrollToTopIfNew(const QString &subject)
{
    if (subject == m_shownSubject)
        return;
    m_shownSubject = subject;
    m_allClaimsShown.clear(); // a new subject starts with short lists again
    m_scroll->verticalScrollBar()->setValue(0);
}

void ContextPanel::onLink(const QString &link)
{
    const auto target = InternalLink::parse(link);
    if (!target) {
        SourceLink::confirmAndOpen(this, link);
        return;
    }
    switch (target->kind) {
    case InternalLink::Kind::Claim: emit claimActivated(target->id); break;
    case InternalLink::Kind::Region: emit regionActivated(target->id); break;
    case InternalLink::Kind::Feature: emit featureActivated(target->id); break;
    case InternalLink::Kind::EditClaim: emit editClaimRequested(target->id); break;
    case InternalLink::Kind::MoreClaims:
        if (const auto stance = stanceFromKey(target->id)) {
            m_allClaimsShown.insert(*stance);
            refresh(); // the same subject: the reader keeps their place
        }
        break;
    }
}

QString ContextPanel::regionName(const QString &code) const
{
    if (m_atlas)
        if (const Region *r = m_atlas->region(code))
            return r->name;
    return code;
}

QString ContextPanel::featureName(const QString &ref) const
{
    if (const FeatureRef f = RegionFacts::find(m_layers, ref); f.feature)
        return f.feature->name;
    for (const auto &layer : m_layers)
        if (layer->id == ref)
            return layer->title;
    return ref;
}

void ContextPanel::showClaim(const QString &id)
{
    m_claim = id;
    const Claim *c = m_brief ? m_brief->claim(id) : nullptr;
    if (!c) {
        m_claim.clear();
        refresh();
        return;
    }
    scrollToTopIfNew(QStringLiteral("claim:") + c->id);
    m_title->setText(tr("%1 %2").arg(StanceStyle::symbol(c->stance), stanceLabel(c->stance)));
    m_subtitle->setText(tr("Claim %1 · paragraph %2, sentence %3").arg(c->id, QString::number(c->paragraph + 1), QString::number(c->sentence + 1)));
    QString html = QStringLiteral("<p style='font-size:large; border-left:4px solid %1; padding-left:8px'>“%2”</p>")
                       .arg(StanceStyle::colour(c->stance).name(), SafeText::html(c->text));
    QStringList links;
    for (const QString &r : c->regions)
        links << QStringLiteral("<a href='%1'>%2</a>").arg(InternalLink::href(InternalLink::Kind::Region, r), SafeText::html(regionName(r)));
    for (const QString &g : c->groups)
        links << SafeText::html(m_atlas && m_atlas->group(g) ? m_atlas->group(g)->name : g);
    for (const QString &f : c->features)
        links << QStringLiteral("<a href='%1'>%2</a>").arg(InternalLink::href(InternalLink::Kind::Feature, f), SafeText::html(featureName(f)));
    for (const QString &t : c->topics)
        links << QStringLiteral("<i>%1</i>").arg(SafeText::html(t));
    html += section(tr("About"), QStringLiteral("<p>%1</p>").arg(links.join(QStringLiteral(", "))));
    if (!c->note.isEmpty())
        html += section(tr("Analyst note"), QStringLiteral("<p>%1</p>").arg(SafeText::html(c->note)) + sourcesHtml(c->noteSources));
    QString basis = tr("Confidence %1%").arg(qRound(c->confidence * 100));
    if (!c->cues.isEmpty())
        basis += tr(" · cues: %1").arg(SafeText::html(c->cues.join(QStringLiteral(", "))));
    html += QStringLiteral("<p style='color:gray'>%1</p>").arg(basis);
    html += QStringLiteral("<p><a href='%1'>%2</a></p>").arg(InternalLink::href(InternalLink::Kind::EditClaim, c->id), tr("Edit this claim…"));
    m_body->setText(html);
    setSummary(tr("Claim %1, %2: %3").arg(c->id, stanceLabel(c->stance), c->text));
}

QString ContextPanel::text() const
{
    SafeTextDocument doc;
    doc.setHtml(m_body->text());
    return m_title->text() + u'\n' + m_subtitle->text() + u'\n' + doc.toPlainText();
}

void ContextPanel::showNothing()
{
    m_title->setText(tr("Nothing selected"));
    m_subtitle->setText(QString());
    m_body->setText(tr("<p>Click a country, a pipeline or a contested zone on the map to read about it.</p>"
                       "<p>Drag to pan, use the wheel or <b>+</b>/<b>−</b> to zoom, <b>0</b> to fit, "
                       "<b>Esc</b> to clear the selection.</p>"));
    scrollToTopIfNew(QString());
    setSummary(QString());
}

void ContextPanel::setSummary(const QString &summary)
{
    const QString description = summary.isEmpty() ? tr("Nothing selected") : summary;
    setAccessibleDescription(description);
    m_scroll->setAccessibleDescription(description);
    if (summary == m_summary)
        return;
    m_summary = summary;
    emit summaryChanged(summary);
}

void ContextPanel::showRegion(const QString &code)
{
    m_code = code;
    if (!code.isEmpty()) {
        m_feature.clear();
        m_claim.clear();
    }
    const Region *region = m_atlas ? m_atlas->region(code) : nullptr;
    if (!region) {
        if (m_feature.isEmpty())
            showNothing();
        return;
    }
    m_title->setText(region->name);
    m_subtitle->setText(region->isoCode ? tr("%1 · ISO 3166-1 alpha-3").arg(region->code)
                                        : tr("%1 · Natural Earth code (no ISO code)").arg(region->code));
    scrollToTopIfNew(QStringLiteral("region:") + code); // first: a new subject starts with short lists
    const Measured &measured = measuredOf(*region);
    const QList<FeatureRef> &concerning = measured.concerning;
    const QList<const Claim *> claims = claimsAboutRegion(code);
    m_body->setText(describeRegion(*region, measured, claims));
    // Memberships and zones say what the region means here; its pipelines can be many: the panel lists them.
    QStringList sentences{tr("Selected: %1 (%2).").arg(region->name, region->code)};
    for (const FeatureRef &ref : concerning)
        if (ref.layer->kind == LayerKind::Membership || ref.layer->kind == LayerKind::Zones)
            if (const auto [subject, what] = layerFact(ref, *region); !subject.isEmpty())
                sentences << tr("%1: %2.").arg(subject, what);
    if (const QString counts = ClaimList::counts(claims); !counts.isEmpty())
        sentences << counts + u'.';
    setSummary(sentences.join(u' '));
}

void ContextPanel::showFeature(const QString &ref)
{
    m_feature = ref;
    if (!ref.isEmpty()) {
        m_code.clear();
        m_claim.clear();
    }
    const FeatureRef found = RegionFacts::find(m_layers, ref);
    if (!found.feature) {
        if (m_code.isEmpty())
            showNothing();
        return;
    }
    m_title->setText(found.feature->name);
    m_subtitle->setText(found.layer->title);
    scrollToTopIfNew(QStringLiteral("feature:") + ref);
    m_body->setText(describeFeature(*found.layer, *found.feature));
    QStringList sentences{tr("Selected: %1 (%2).").arg(found.feature->name, found.layer->title)};
    if (const auto status = found.feature->statusIn(m_year); status && !status->isEmpty())
        sentences << tr("%1 in %2.").arg(*status, QString::number(m_year));
    if (const QString counts = ClaimList::counts(claimsAboutFeature(*found.layer, *found.feature)); !counts.isEmpty())
        sentences << counts + u'.';
    setSummary(sentences.join(u' '));
}


std::pair<QString, QString> ContextPanel::layerFact(const FeatureRef &ref, const Region &region) const
{
    const Feature &f = *ref.feature;
    const auto status = f.statusIn(m_year);
    switch (ref.layer->kind) {
    case LayerKind::Membership:
        if (!status && f.details().periods.isEmpty())
            return {};
        return {ref.layer->title, status ? tr("%1 in %2").arg(*status, QString::number(m_year)) : tr("not associated in %1").arg(m_year)};
    case LayerKind::Zones:
        return {f.name, f.details().administeredBy.contains(region.code)
                            ? (f.details().claimants.contains(region.code) ? tr("administers and claims") : tr("administers"))
                            : tr("claims")};
    default:
        return {f.name, status ? *status : tr("not yet, in %1").arg(m_year)};
    }
}

QString ContextPanel::layerFacts(const Region &region, const QList<FeatureRef> &concerning) const
{
    QString html;
    for (const FeatureRef &ref : concerning) {
        const auto [subject, what] = layerFact(ref, region);
        if (subject.isEmpty())
            continue;
        QString line = what.isEmpty() ? QStringLiteral("<b>%1</b>").arg(SafeText::html(subject))
                                      : tr("<b>%1</b>: %2").arg(SafeText::html(subject), SafeText::html(what));
        if (ref.layer->kind == LayerKind::Membership) {
            // Dates and sources behind the status, as a membership has no shape to click for them.
            line += QStringLiteral("<br><small>%1</small>").arg(SafeText::html(periodsText(*ref.feature)));
            if (!ref.layer->derivedFrom.isEmpty() && !ref.feature->details().note.isEmpty())
                line += QStringLiteral("<br><small>%1</small>").arg(SafeText::html(ref.feature->details().note));
            if (const QString sources = sourcesLine(ref.feature->details().sources); !sources.isEmpty())
                line += QStringLiteral("<br><small>%1</small>").arg(tr("Sources: %1").arg(sources));
        }
        html += QStringLiteral("<p style='margin:2px 0'>%1</p>").arg(line);
    }
    return html;
}

QList<const Claim *> ContextPanel::claimsAboutRegion(const QString &code) const
{
    return m_brief ? ClaimFinder(*m_brief, m_atlas.get(), m_claimIndex).aboutRegion(code) : QList<const Claim *>{};
}

QList<const Claim *> ContextPanel::claimsAboutFeature(const Layer &layer, const Feature &feature) const
{
    return m_brief ? ClaimFinder(*m_brief, m_atlas.get(), m_claimIndex).aboutFeature(layer.id + u'/' + feature.id) : QList<const Claim *>{};
}

const ContextPanel::Measured &ContextPanel::measuredOf(const Region &region)
{
    auto it = m_measured.find(region.code);
    if (it == m_measured.end())
        it = m_measured.insert(region.code, {RegionFacts::concerning(m_layers, region), ellipsoidalAreaKm2(region.shape)});
    return *it;
}

QString ContextPanel::describeRegion(const Region &region, const Measured &measured, const QList<const Claim *> &claims) const
{
    const QString &code = region.code;
    QStringList groupNames;
    for (const RegionGroup *g : m_atlas->groupsContaining(code))
        groupNames << g->name;
    QString html = section(tr("On the map in %1").arg(m_year), layerFacts(region, measured.concerning));
    html += ClaimList::html(claims, m_atlas.get(), code, m_allClaimsShown);
    auto row = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(SafeText::html(label), SafeText::html(value));
    };
    row(tr("Area"), tr("%1 km² (computed on the WGS84 ellipsoid)").arg(QLocale().toString(measured.areaKm2, 'f', 0)));
    row(tr("Groups"), groupNames.join(QStringLiteral(", ")));
    row(tr("Also called"), region.aliases.join(QStringLiteral(", ")));
    row(tr("Demonyms"), region.demonyms.join(QStringLiteral(", ")));
    html += tr("<p style='color:gray'>Boundaries: Natural Earth admin-0 (de facto), via world-atlas 2.0.2.</p>");
    return html;
}

QString ContextPanel::describeFeature(const Layer &layer, const Feature &f) const
{
    QString html;
    const auto status = f.statusIn(m_year);
    html += QStringLiteral("<p><b>%1</b></p>")
                .arg(status ? SafeText::html(tr("In %1: %2").arg(QString::number(m_year), *status)) : tr("Not on the map in %1").arg(m_year));
    if (!f.details().description.isEmpty())
        html += QStringLiteral("<p>%1</p>").arg(SafeText::html(f.details().description));
    QString facts;
    auto fact = [&facts](const QString &label, const QString &value) {
        if (!value.isEmpty())
            facts += QStringLiteral("<tr><td style='padding-right:8px'><b>%1</b></td><td>%2</td></tr>").arg(SafeText::html(label), SafeText::html(value));
    };
    const QVariantMap &p = f.properties;
    auto names = [this](const QStringList &codes) {
        QStringList out;
        for (const QString &c : codes)
            out << (m_atlas && m_atlas->region(c) ? m_atlas->region(c)->name : c);
        return out.join(QStringLiteral(", "));
    };
    if (layer.kind == LayerKind::Lines) {
        fact(tr("Commodity"), p.value(QStringLiteral("commodity")).toString());
        const QVariantMap capacity = p.value(QStringLiteral("capacity")).toMap();
        if (!capacity.isEmpty())
            fact(tr("Capacity"), QStringLiteral("%1 %2").arg(QLocale().toString(capacity.value(QStringLiteral("value")).toDouble()),
                                                             capacity.value(QStringLiteral("unit")).toString()));
        if (p.contains(QStringLiteral("lengthKm")))
            fact(tr("Length"), tr("%1 km").arg(QLocale().toString(p.value(QStringLiteral("lengthKm")).toDouble(), 'f', 0)));
        const QVariant commissioned = p.value(QStringLiteral("commissioned"));
        fact(tr("Commissioned"), commissioned.isNull() ? tr("not yet") : commissioned.toString());
        fact(tr("From → to"), names({p.value(QStringLiteral("from")).toString()}) + QStringLiteral(" → ") +
                                   names({p.value(QStringLiteral("to")).toString()}));
        fact(tr("Crosses"), names(p.value(QStringLiteral("countries")).toStringList()));
        fact(tr("Operator"), p.value(QStringLiteral("operator")).toString());
    }
    if (layer.kind == LayerKind::Sites) {
        const QString kind = p.value(QStringLiteral("kind")).toString();
        for (const LegendEntry &e : layer.legend)
            if (e.key == kind)
                fact(tr("Kind"), e.label);
        fact(tr("In"), names({p.value(QStringLiteral("country")).toString()}));
        fact(tr("Operated by"), names({p.value(QStringLiteral("operatedBy")).toString()}));
    }
    if (layer.kind == LayerKind::Generic) { // a user's layer: its attributes, whatever they are
        int shown = 0;
        for (auto it = p.begin(); it != p.end() && shown < kMaxAttributesShown; ++it, ++shown)
            fact(it.key(), attributeText(it.value()));
        if (p.size() > kMaxAttributesShown)
            fact(tr("More"), tr("%n more attribute(s) not shown", nullptr, int(p.size() - kMaxAttributesShown)));
    }
    fact(tr("Claimants"), names(f.details().claimants));
    fact(tr("Administered by"), names(f.details().administeredBy));
    fact(tr("History"), periodsText(f));
    if (!facts.isEmpty())
        html += QStringLiteral("<table>%1</table>").arg(facts);
    if (!f.details().note.isEmpty())
        html += section(tr("Note"), QStringLiteral("<p>%1</p>").arg(SafeText::html(f.details().note)));
    html += section(tr("Sources"), sourcesHtml(f.details().sources));
    return ClaimList::html(claimsAboutFeature(layer, f), m_atlas.get(), QString(), m_allClaimsShown) + html;
}

} // namespace spheres
