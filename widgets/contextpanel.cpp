#include "contextpanel.h"

#include "atlas.h"
#include "geoarea.h"

#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace spheres {

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
    m_subtitle = new QLabel;
    m_subtitle->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_body = new QLabel;
    m_body->setWordWrap(true);
    m_body->setTextFormat(Qt::RichText);
    m_body->setTextInteractionFlags(Qt::TextBrowserInteraction);
    m_body->setOpenExternalLinks(true);
    for (QLabel *label : {m_title, m_subtitle, m_body})
        layout->addWidget(label);
    layout->addStretch(1);

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    setAccessibleName(tr("Context"));
    showRegion(QString());
}

void ContextPanel::setAtlas(std::shared_ptr<const Atlas> atlas)
{
    m_atlas = std::move(atlas);
    showRegion(m_code);
}

void ContextPanel::showRegion(const QString &code)
{
    m_code = code;
    const Region *region = m_atlas ? m_atlas->region(code) : nullptr;
    if (!region) {
        m_title->setText(tr("Nothing selected"));
        m_subtitle->setText(QString());
        m_body->setText(tr("<p>Click a country on the map to read about it.</p>"
                           "<p>Drag to pan, use the wheel or <b>+</b>/<b>−</b> to zoom, <b>0</b> to fit, "
                           "<b>Esc</b> to clear the selection.</p>"));
        setAccessibleDescription(tr("No region selected"));
        return;
    }
    m_title->setText(region->name);
    m_subtitle->setText(region->isoCode ? tr("%1 · ISO 3166-1 alpha-3").arg(region->code)
                                        : tr("%1 · Natural Earth code (no ISO code)").arg(region->code));
    m_body->setText(describe(code));
    setAccessibleDescription(tr("Selected: %1 (%2)").arg(region->name, region->code));
}

QString ContextPanel::describe(const QString &code) const
{
    const Region &region = *m_atlas->region(code);
    QString html;
    auto row = [&html](const QString &label, const QString &value) {
        if (!value.isEmpty())
            html += QStringLiteral("<p><b>%1</b><br>%2</p>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    const double area = ellipsoidalAreaKm2(region.shape);
    row(tr("Area"), tr("%1 km² (computed on the WGS84 ellipsoid)").arg(QLocale().toString(area, 'f', 0)));
    QStringList groups;
    for (const RegionGroup &g : m_atlas->groups())
        if (g.members.contains(code))
            groups << g.name;
    row(tr("Groups"), groups.join(QStringLiteral(", ")));
    row(tr("Also called"), region.aliases.join(QStringLiteral(", ")));
    row(tr("Demonyms"), region.demonyms.join(QStringLiteral(", ")));
    html += tr("<p style='color:gray'>Boundaries: Natural Earth admin-0 (de facto), via world-atlas 2.0.2.</p>");
    return html;
}

} // namespace spheres
