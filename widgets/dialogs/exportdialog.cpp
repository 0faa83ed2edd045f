#include "exportdialog.h"

#include "exportpreview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace spheres {

ExportDialog::ExportDialog(const QString &title, int viewCount, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Export"));
    createFields(title);
    auto *sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(m_height);
    auto *furniture = new QHBoxLayout;
    for (QCheckBox *box : {m_legend, m_scaleBar, m_credits, m_charts})
        furniture->addWidget(box);
    m_preview = new ExportPreview;
    auto *form = new QFormLayout;
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Size"), m_preset);
    form->addRow(QString(), sizeRow);
    form->addRow(tr("Resolution"), m_dpi);
    form->addRow(tr("Title"), m_title);
    form->addRow(tr("Subtitle"), m_subtitle);
    form->addRow(tr("Show"), furniture);
    auto *columns = new QHBoxLayout;
    columns->addLayout(form);
    columns->addWidget(m_preview, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(createButtons(viewCount));

    connectFields(viewCount);
}

void ExportDialog::createFields(const QString &title)
{
    m_format = new QComboBox;
    m_format->addItem(tr("PNG image"), int(ExportOptions::Format::Png));
    m_format->addItem(tr("SVG (vector, a group per layer)"), int(ExportOptions::Format::Svg));
    m_format->addItem(tr("PDF (vector)"), int(ExportOptions::Format::Pdf));
    m_preset = new QComboBox;
    for (ExportOptions::Preset preset : ExportOptions::presets())
        m_preset->addItem(ExportOptions::presetTitle(preset), int(preset));
    m_preset->addItem(tr("Custom"), -1);
    m_width = new QSpinBox;
    m_height = new QSpinBox;
    for (QSpinBox *box : {m_width, m_height}) {
        box->setRange(64, 32767); // Qt's raster engine paints at most 32767 pixels a side
        box->setSuffix(tr(" px"));
    }
    m_dpi = new QSpinBox;
    m_dpi->setRange(int(ExportOptions::kMinDpi), int(ExportOptions::kMaxDpi));
    m_title = new QLineEdit(title);
    m_subtitle = new QLineEdit;
    m_legend = new QCheckBox(tr("Legend"));
    m_scaleBar = new QCheckBox(tr("Scale bar"));
    m_credits = new QCheckBox(tr("Credits and sources"));
    m_charts = new QCheckBox(tr("Views’ charts"));
    m_charts->setToolTip(tr("In a PDF of all views: a page with each view’s charts after its map. "
                            "Choose a view’s charts from its menu in the Views panel."));
    for (QCheckBox *box : {m_legend, m_scaleBar, m_credits, m_charts})
        box->setChecked(true);
}

// Export this view, or all of them (a briefing pack or numbered pictures), or Cancel.
QDialogButtonBox *ExportDialog::createButtons(int viewCount)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *current = buttons->addButton(tr("Export this view…"), QDialogButtonBox::AcceptRole);
    QPushButton *all = buttons->addButton(tr("Export all %n view(s)…", nullptr, viewCount), QDialogButtonBox::AcceptRole);
    all->setEnabled(viewCount > 0);
    all->setToolTip(tr("PDF: a briefing pack, one page per view with its caption, claims and sources. PNG: numbered pictures."));
    current->setDefault(true);
    connect(current, &QPushButton::clicked, this, [this] { m_scope = Scope::CurrentView; accept(); });
    connect(all, &QPushButton::clicked, this, [this] { m_scope = Scope::AllViews; accept(); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    return buttons;
}

void ExportDialog::connectFields(int viewCount)
{
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::applyPreset);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::applyPreset);
    // Only a PDF briefing pack has chart pages.
    const auto chartsApply = [this, viewCount] {
        m_charts->setEnabled(viewCount > 0 && ExportOptions::Format(m_format->currentData().toInt()) == ExportOptions::Format::Pdf);
    };
    connect(m_format, &QComboBox::currentIndexChanged, this, chartsApply);
    chartsApply();
    applyPreset();
    // Whatever changes the page changes the preview.
    for (QSpinBox *box : {m_width, m_height, m_dpi})
        connect(box, &QSpinBox::valueChanged, this, &ExportDialog::updatePreview);
    for (QLineEdit *edit : {m_title, m_subtitle})
        connect(edit, &QLineEdit::textChanged, this, &ExportDialog::updatePreview);
    for (QCheckBox *box : {m_legend, m_scaleBar, m_credits})
        connect(box, &QCheckBox::toggled, this, &ExportDialog::updatePreview);
    connect(m_preset, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updatePreview);
    updatePreview();
}

void ExportDialog::setPreviewMap(const MapRenderer &renderer, const Scene *scene, const ViewState &view)
{
    m_preview->setMap(renderer, scene, view);
}

void ExportDialog::updatePreview() { m_preview->setOptions(options()); }

bool ExportDialog::includesCharts() const { return m_charts->isEnabled() && m_charts->isChecked(); }

void ExportDialog::applyPreset()
{
    const int preset = m_preset->currentData().toInt();
    const bool custom = preset < 0;
    m_width->setEnabled(custom);
    m_height->setEnabled(custom);
    if (custom)
        return;
    const ExportOptions o = ExportOptions::forPreset(ExportOptions::Preset(preset), ExportOptions::Format(m_format->currentData().toInt()));
    m_width->setValue(o.outputSize().width());
    m_height->setValue(o.outputSize().height());
    m_dpi->setValue(int(o.dpi));
}

ExportOptions ExportDialog::options() const
{
    const auto format = ExportOptions::Format(m_format->currentData().toInt());
    const int preset = m_preset->currentData().toInt();
    ExportOptions o = preset >= 0 ? ExportOptions::forPreset(ExportOptions::Preset(preset), format) : ExportOptions();
    o.format = format;
    if (preset < 0)
        o.pixelSize = QSize(m_width->value(), m_height->value());
    o.dpi = m_dpi->value();
    o.title = m_title->text();
    o.subtitle = m_subtitle->text();
    o.showLegend = m_legend->isChecked();
    o.showScaleBar = m_scaleBar->isChecked();
    o.showCredits = m_credits->isChecked();
    return o;
}

} // namespace spheres
