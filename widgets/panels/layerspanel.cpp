#include "layerspanel.h"
#include "safetext.h"

#include "layerlegend.h"
#include "layerpainter.h"
#include "mapstyle.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace spheres {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;

QIcon swatchIcon(const LegendSwatch &swatch, const MapStyle &style, qreal dpr)
{
    QPixmap pixmap(QSize(28, 14) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    LayerLegend::paintSwatch(painter, QRectF(1, 2, 26, 10), swatch, style);
    return QIcon(pixmap);
}

} // namespace

LayersPanel::LayersPanel(QWidget *parent) : QWidget(parent)
{
    createWidgets();
    auto *add = new QPushButton(tr("Add layer…"));
    setAccessibleName(tr("Layers"));
    setFocusProxy(m_tree); // the panel is one stop in the window's tab order, starting at the list
    auto *opacityLabel = new QLabel(tr("Opacity"));
    opacityLabel->setBuddy(m_opacity);
    auto *row = new QHBoxLayout;
    row->addWidget(opacityLabel);
    row->addWidget(m_opacity, 1);
    row->addWidget(m_up);
    row->addWidget(m_down);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_tree, 1);
    layout->addLayout(row);
    layout->addWidget(add);
    connect(add, &QPushButton::clicked, this, &LayersPanel::addLayerRequested);
    connectWidgets();
}

void LayersPanel::createWidgets()
{
    m_tree = new QTreeWidget;
    m_tree->setHeaderHidden(true);
    m_tree->setIconSize(QSize(28, 14));
    m_tree->setRootIsDecorated(true);
    m_tree->setAccessibleName(tr("Layers"));
    m_tree->setAccessibleDescription(tr("The map's layers, top first, each with its legend. Space shows or hides the "
                                        "current layer."));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_opacity = new QSlider(Qt::Horizontal);
    m_opacity->setRange(10, 100);
    m_opacity->setAccessibleName(tr("Layer opacity"));
    m_up = new QToolButton;
    m_up->setArrowType(Qt::UpArrow);
    m_up->setToolTip(tr("Draw the layer higher"));
    m_down = new QToolButton;
    m_down->setArrowType(Qt::DownArrow);
    m_down->setToolTip(tr("Draw the layer lower"));
    // Arrow buttons have no text: without a name a screen reader says only "button".
    m_up->setAccessibleName(m_up->toolTip());
    m_down->setAccessibleName(m_down->toolTip());
}

void LayersPanel::connectWidgets()
{
    connect(m_tree, &QWidget::customContextMenuRequested, this, &LayersPanel::showMenu);
    connect(m_up, &QToolButton::clicked, this, [this] { move(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { move(+1); });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item) {
        if (!item->parent())
            emit visibilityChanged(item->data(0, kIdRole).toString(), item->checkState(0) == Qt::Checked);
    });
    connect(m_tree, &QTreeWidget::currentItemChanged, this, &LayersPanel::showCurrentOpacity);
    connect(m_opacity, &QSlider::valueChanged, this, [this](int percent) {
        const QString id = currentLayer();
        if (id.isEmpty())
            return;
        m_opacityPercent.insert(id, percent);
        emit opacityChanged(id, percent / 100.0);
    });
}

void LayersPanel::showMenu(QPoint at)
{
    const QTreeWidgetItem *item = m_tree->itemAt(at);
    while (item && item->parent())
        item = item->parent();
    const auto layer = item ? m_layers.value(item->data(0, kIdRole).toString()) : nullptr;
    if (!layer || layer->kind != LayerKind::Generic) // our layers have their own colours
        return;
    QMenu menu(this);
    menu.addAction(tr("Style by field…"), this, [this, id = layer->id] { emit styleRequested(id); });
    menu.exec(m_tree->viewport()->mapToGlobal(at));
}

QTreeWidgetItem *LayersPanel::itemFor(const Layer &layer, bool visible) const
{
    auto *item = new QTreeWidgetItem(QStringList{layer.title});
    item->setData(0, kIdRole, layer.id);
    item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
    item->setCheckState(0, visible ? Qt::Checked : Qt::Unchecked);
    item->setToolTip(0, SafeText::toolTip(layer.description));
    const qreal dpr = devicePixelRatioF();
    const MapStyle &style = MapStyle::forPalette(palette());
    for (const LegendSwatch &swatch : LayerLegend::swatchesFor(layer, style)) {
        auto *entry = new QTreeWidgetItem(item, QStringList{swatch.label});
        entry->setIcon(0, swatchIcon(swatch, style, dpr));
        entry->setFlags(Qt::ItemIsEnabled);
    }
    return item;
}

void LayersPanel::repaintSwatches()
{
    const qreal dpr = devicePixelRatioF();
    const MapStyle &style = MapStyle::forPalette(palette());
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        const auto layer = m_layers.value(item->data(0, kIdRole).toString());
        if (!layer)
            continue;
        const QList<LegendSwatch> swatches = LayerLegend::swatchesFor(*layer, style);
        for (int c = 0; c < item->childCount() && c < swatches.size(); ++c)
            item->child(c)->setIcon(0, swatchIcon(swatches[c], style, dpr));
    }
}

void LayersPanel::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        repaintSwatches();
}

void LayersPanel::setLayers(const QList<std::shared_ptr<const Layer>> &layers, const QStringList &hidden)
{
    const QString current = currentLayer();
    const QSignalBlocker block(m_tree);
    m_tree->clear();
    m_layers.clear();
    for (const auto &layer : layers)
        m_layers.insert(layer->id, layer);
    for (auto it = layers.crbegin(); it != layers.crend(); ++it) {
        QTreeWidgetItem *item = itemFor(**it, !hidden.contains((*it)->id));
        m_tree->addTopLevelItem(item);
        item->setExpanded(true);
        if ((*it)->id == current)
            m_tree->setCurrentItem(item);
    }
    if (!m_tree->currentItem() && m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    showCurrentOpacity();
}

void LayersPanel::showCurrentOpacity()
{
    const QTreeWidgetItem *item = currentLayerItem();
    const QSignalBlocker block(m_opacity);
    m_opacity->setValue(m_opacityPercent.value(currentLayer(), 100));
    m_opacity->setEnabled(item != nullptr);
    m_opacity->setAccessibleDescription(item ? tr("Opacity of %1").arg(item->text(0)) : QString());
}

QTreeWidgetItem *LayersPanel::currentLayerItem() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && item->parent()) // a legend entry stands for its layer
        item = item->parent();
    return item;
}

QString LayersPanel::currentLayer() const
{
    const QTreeWidgetItem *item = currentLayerItem();
    return item ? item->data(0, kIdRole).toString() : QString();
}

QStringList LayersPanel::orderBottomToTop() const
{
    QStringList ids;
    for (int i = m_tree->topLevelItemCount() - 1; i >= 0; --i)
        ids << m_tree->topLevelItem(i)->data(0, kIdRole).toString();
    return ids;
}

QStringList LayersPanel::hiddenLayers() const
{
    QStringList ids;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        if (m_tree->topLevelItem(i)->checkState(0) != Qt::Checked)
            ids << m_tree->topLevelItem(i)->data(0, kIdRole).toString();
    return ids;
}

void LayersPanel::move(int delta)
{
    QTreeWidgetItem *item = currentLayerItem();
    if (!item)
        return;
    const int from = m_tree->indexOfTopLevelItem(item);
    const int to = from + delta;
    if (to < 0 || to >= m_tree->topLevelItemCount())
        return;
    {
        const QSignalBlocker block(m_tree);
        const bool expanded = item->isExpanded();
        m_tree->takeTopLevelItem(from);
        m_tree->insertTopLevelItem(to, item);
        item->setExpanded(expanded);
        m_tree->setCurrentItem(item);
    }
    emit orderChanged(orderBottomToTop());
}

} // namespace spheres
