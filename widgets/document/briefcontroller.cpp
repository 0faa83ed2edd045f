#include "briefcontroller.h"

#include "atlas.h"
#include "briefdocument.h"
#include "panels/claimeditor.h"
#include "claimfinder.h"
#include "panels/contextpanel.h"
#include "featurekey.h"
#include "map/mapcanvas.h"
#include "panels/narrativepanel.h"

namespace spheres {

BriefController::BriefController(BriefDocument *document, MapCanvas *canvas, ContextPanel *context,
                                 NarrativePanel *narrative, SearchBox *search, QObject *parent)
    : QObject(parent), m_document(document), m_canvas(canvas), m_context(context), m_narrative(narrative), m_search(search)
{
    connect(m_canvas, &MapCanvas::selectionChanged, this, &BriefController::onRegionSelected);
    connect(m_canvas, &MapCanvas::featureSelectionChanged, this, &BriefController::onFeatureSelected);
    connect(m_canvas, &MapCanvas::selectionCleared, this, &BriefController::onSelectionCleared);
    // A layer added later (File > Add layer) is searchable at once.
    connect(m_canvas->session(), &MapSession::layersChanged, this, &BriefController::rebuildSearch);
    connect(m_context, &ContextPanel::claimActivated, this, [this](const QString &id) { focusClaim(id); });
    connect(m_context, &ContextPanel::regionActivated, m_canvas, &MapCanvas::selectRegion);
    connect(m_context, &ContextPanel::featureActivated, m_canvas, &MapCanvas::selectFeature);
    connect(m_context, &ContextPanel::claimHovered, this, &BriefController::previewClaim);
    connect(m_narrative, &NarrativePanel::claimHovered, this, &BriefController::previewClaim);
    connect(m_narrative, &NarrativePanel::claimActivated, this, [this](const QString &id) { focusClaim(id); });
    connect(m_search, &SearchBox::found, this, &BriefController::onSearchFound);
    connect(m_document, &BriefDocument::briefReset, this, &BriefController::onBriefReset);
    connect(m_document, &BriefDocument::claimChanged, this, [this](const QString &id) {
        m_narrative->setBrief(&m_document->brief());
        m_context->refresh();
        if (id == focusedClaim())
            m_canvas->setHighlight(regionsOf(id), m_document->brief().claim(id)->features,
                                   m_document->brief().claim(id)->groups);
        rebuildSearch();
    });
}

void BriefController::setAtlas(std::shared_ptr<const Atlas> atlas)
{
    m_atlas = std::move(atlas);
    rebuildSearch();
}

QString BriefController::focusedClaim() const { return m_canvas->session()->focusedClaim(); }

QList<const Claim *> BriefController::claimsAboutRegion(const QString &code) const
{
    return ClaimFinder(m_document->brief(), m_atlas.get(), &m_document->claimIndex()).aboutRegion(code);
}

/// A claim's regions, with its groups expanded to their members.
QStringList BriefController::regionsOf(const QString &claimId) const
{
    const Claim *claim = m_document->brief().claim(claimId);
    if (!claim)
        return {};
    return m_atlas ? m_atlas->expanded(claim->regions, claim->groups) : claim->regions;
}

void BriefController::focusClaim(const QString &id, bool frame)
{
    const Claim *claim = m_document->brief().claim(id);
    m_canvas->session()->setFocusedClaim(claim ? id : QString());
    m_narrative->setFocusedClaim(focusedClaim());
    if (!claim) {
        m_canvas->setHighlight({}, {});
        return;
    }
    m_canvas->setHighlight(regionsOf(id), claim->features, claim->groups);
    if (frame)
        m_canvas->frameHighlight();
    m_context->showClaim(id);
}

void BriefController::previewClaim(const QString &id)
{
    const Claim *claim = m_document->brief().claim(id.isEmpty() ? focusedClaim() : id);
    if (claim)
        m_canvas->setHighlight(regionsOf(claim->id), claim->features, claim->groups);
    else
        m_canvas->setHighlight({}, {});
}

void BriefController::stepClaim(int delta)
{
    const QList<Claim> &claims = m_document->brief().claims;
    if (claims.isEmpty())
        return;
    int index = -1;
    for (int i = 0; i < claims.size(); ++i)
        if (claims[i].id == focusedClaim())
            index = i;
    index = index < 0 ? (delta > 0 ? 0 : int(claims.size()) - 1) : int((index + delta + claims.size()) % claims.size());
    focusClaim(claims[index].id);
}

void BriefController::editClaim(const QString &id, QWidget *dialogParent)
{
    const Claim *claim = m_document->brief().claim(id);
    if (!claim || !m_atlas)
        return;
    ClaimEditor editor(*claim, *m_atlas, m_canvas->layers(), dialogParent);
    if (editor.exec() == QDialog::Accepted)
        m_document->editClaim(editor.result(), tr("Edit claim %1").arg(id));
}

void BriefController::onRegionSelected(const QString &code)
{
    if (m_linkMode && !focusedClaim().isEmpty() && !code.isEmpty()) {
        m_document->toggleLink(focusedClaim(), Claim::LinkKind::Region, code);
        m_context->showClaim(focusedClaim());
        return;
    }
    if (!code.isEmpty()) {
        m_canvas->session()->setFocusedClaim(QString());
        m_narrative->setFocusedClaim(QString());
        m_canvas->setHighlight({}, {});
    }
    QStringList ids;
    for (const Claim *c : claimsAboutRegion(code))
        ids << c->id;
    m_narrative->setMarkedClaims(ids);
}

void BriefController::onFeatureSelected(const QString &ref)
{
    if (m_linkMode && !focusedClaim().isEmpty() && !ref.isEmpty()) {
        m_document->toggleLink(focusedClaim(), Claim::LinkKind::Feature, ref);
        m_context->showClaim(focusedClaim());
        return;
    }
    if (ref.isEmpty())
        return;
    m_canvas->session()->setFocusedClaim(QString());
    m_narrative->setFocusedClaim(QString());
    m_canvas->setHighlight({}, {});
    QStringList ids;
    for (const Claim *c : ClaimFinder(m_document->brief(), m_atlas.get(), &m_document->claimIndex()).aboutFeature(ref))
        ids << c->id;
    m_narrative->setMarkedClaims(ids);
}

void BriefController::onSelectionCleared()
{
    if (m_linkMode)
        return; // linking edits the focused claim: clearing the map's selection must not drop it
    m_canvas->session()->setFocusedClaim(QString());
    m_narrative->setFocusedClaim(QString());
    m_narrative->setMarkedClaims({});
    m_context->clear();
}

void BriefController::onSearchFound(SearchBox::Kind kind, const QString &target)
{
    switch (kind) {
    case SearchBox::Kind::Region: m_canvas->selectRegion(target); break;
    case SearchBox::Kind::Feature: m_canvas->selectFeature(target); break;
    case SearchBox::Kind::Claim: focusClaim(target); break;
    case SearchBox::Kind::Group:
        if (const RegionGroup *g = m_atlas ? m_atlas->group(target) : nullptr) {
            m_canvas->clearSelection();
            m_canvas->setHighlight(g->members, {});
            m_canvas->frameHighlight();
        }
        break;
    }
}

void BriefController::onBriefReset()
{
    m_canvas->session()->setFocusedClaim(QString());
    m_canvas->clearSelection();
    m_context->clear(); // the new brief may reuse the old one's claim ids
    m_context->setBrief(&m_document->brief(), &m_document->claimIndex());
    m_narrative->setBrief(&m_document->brief());
    m_narrative->setFocusedClaim(QString());
    m_narrative->setMarkedClaims({});
    rebuildSearch();
}

void BriefController::rebuildSearch()
{
    QList<SearchBox::Entry> entries;
    if (m_atlas) {
        for (const Region &r : m_atlas->regions()) {
            entries.push_back({tr("%1 — region").arg(r.name), SearchBox::Kind::Region, r.code});
            for (const QString &alias : r.aliases)
                entries.push_back({tr("%1 (%2) — region").arg(alias, r.name), SearchBox::Kind::Region, r.code});
        }
        for (const RegionGroup &g : m_atlas->groups())
            entries.push_back({tr("%1 — group").arg(g.name), SearchBox::Kind::Group, g.id});
    }
    for (const auto &layer : m_canvas->layers())
        if (layer->kind != LayerKind::Membership)
            for (const Feature &f : layer->features)
                entries.push_back({tr("%1 — %2").arg(f.name, layer->title), SearchBox::Kind::Feature,
                                   FeatureKey{layer->id, f.id}.toString()});
    for (const Claim &c : m_document->brief().claims)
        entries.push_back({tr("%1 — claim ¶%2").arg(c.text).arg(c.paragraph + 1), SearchBox::Kind::Claim, c.id});
    m_search->setEntries(entries);
}

} // namespace spheres
