#include "viewchartsmenu.h"

#include "document/briefdocument.h"
#include "chartspanel.h"

namespace spheres {

ViewChartsMenu::ViewChartsMenu(BriefDocument *document, int viewIndex, QWidget *parent)
    : QMenu(tr("Charts"), parent), m_document(document), m_view(viewIndex)
{
    const QList<SavedView> &views = m_document->brief().views;
    if (viewIndex < 0 || viewIndex >= views.size())
        return;
    addSection(tr("Charts in the briefing pack"));
    for (QStringView id : SavedView::kChartIds) {
        QAction *action = addAction(ChartsPanel::chartTitle(id));
        action->setData(id.toString());
        action->setCheckable(true);
        action->setChecked(views[viewIndex].charts.contains(id.toString()));
        connect(action, &QAction::toggled, this, [this, id = id.toString()](bool on) { setChartShown(id, on); });
    }
}

QAction *ViewChartsMenu::chartAction(const QString &chartId) const
{
    for (QAction *action : actions())
        if (action->data().toString() == chartId)
            return action;
    return nullptr;
}

void ViewChartsMenu::setChartShown(const QString &chartId, bool shown)
{
    QList<SavedView> views = m_document->brief().views;
    if (m_view < 0 || m_view >= views.size() || views[m_view].charts.contains(chartId) == shown)
        return;
    SavedView &view = views[m_view];
    const QString title = ChartsPanel::chartTitle(chartId);
    // In the panel's order, so that the pack lays them out alike on every view.
    QStringList charts;
    for (QStringView id : SavedView::kChartIds)
        if (id == chartId ? shown : view.charts.contains(id.toString()))
            charts << id.toString();
    view.charts = charts;
    m_document->editViews(views, shown ? tr("Add chart “%1” to view “%2”").arg(title, view.name)
                                       : tr("Remove chart “%1” from view “%2”").arg(title, view.name));
}

} // namespace spheres
