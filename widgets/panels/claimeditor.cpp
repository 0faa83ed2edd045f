#include "claimeditor.h"

#include "atlas.h"
#include "featurekey.h"
#include "stancestyle.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>

namespace spheres {

namespace {
constexpr int kKindRole = Qt::UserRole + 1;
constexpr int kValueRole = Qt::UserRole + 2;
}

ClaimEditor::ClaimEditor(const Claim &claim, const Atlas &atlas, const QList<std::shared_ptr<const Layer>> &layers,
                         QWidget *parent)
    : QDialog(parent), m_claim(claim)
{
    setWindowTitle(tr("Edit claim %1").arg(claim.id));
    auto *sentence = new QLabel(QStringLiteral("“%1”").arg(claim.text));
    sentence->setWordWrap(true);
    sentence->setTextFormat(Qt::PlainText); // the sentence comes from the narrative: always text
    m_stance = new QComboBox;
    for (Stance s : {Stance::Cooperation, Stance::Rivalry, Stance::Context})
        m_stance->addItem(StanceStyle::symbol(s) + u' ' + stanceLabel(s), int(s));
    m_stance->setCurrentIndex(m_stance->findData(int(claim.stance)));
    m_note = new QPlainTextEdit(claim.note);
    m_note->setPlaceholderText(tr("Analyst note: where the facts differ from the text, say so with a source."));
    m_links = new QListWidget;
    for (const QString &r : claim.regions)
        addLink(Claim::LinkKind::Region, r, atlas.region(r) ? atlas.region(r)->name : r);
    for (const QString &g : claim.groups)
        addLink(Claim::LinkKind::Group, g, atlas.group(g) ? atlas.group(g)->name : g);
    for (const QString &f : claim.features)
        addLink(Claim::LinkKind::Feature, f, f);
    for (const QString &t : claim.topics)
        addLink(Claim::LinkKind::Topic, t, t);

    auto *remove = new QPushButton(tr("Remove link"));
    connect(remove, &QPushButton::clicked, this, [this] { delete m_links->currentItem(); });
    auto *choices = new QComboBox;
    choices->setEditable(true);
    choices->setInsertPolicy(QComboBox::NoInsert);
    for (const Region &r : atlas.regions())
        choices->addItem(tr("%1 (region)").arg(r.name), QStringList{QString::number(int(Claim::LinkKind::Region)), r.code});
    for (const RegionGroup &g : atlas.groups())
        choices->addItem(tr("%1 (group)").arg(g.name), QStringList{QString::number(int(Claim::LinkKind::Group)), g.id});
    for (const auto &layer : layers) {
        choices->addItem(tr("%1 (layer)").arg(layer->title), QStringList{QString::number(int(Claim::LinkKind::Feature)), layer->id});
        for (const Feature &f : layer->features)
            choices->addItem(tr("%1 (%2)").arg(f.name, layer->title),
                             QStringList{QString::number(int(Claim::LinkKind::Feature)), FeatureKey{layer->id, f.id}.toString()});
    }
    auto *add = new QPushButton(tr("Add link"));
    connect(add, &QPushButton::clicked, this, [this, choices] {
        const QStringList data = choices->currentData().toStringList();
        if (data.size() == 2)
            addLink(Claim::LinkKind(data[0].toInt()), data[1], choices->currentText());
    });
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(choices, 1);
    addRow->addWidget(add);
    addRow->addWidget(remove);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *form = new QFormLayout(this);
    form->addRow(sentence);
    form->addRow(tr("Stance"), m_stance);
    form->addRow(tr("Links"), m_links);
    form->addRow(QString(), addRow);
    form->addRow(tr("Note"), m_note);
    form->addRow(buttons);
    resize(620, 560);
}

void ClaimEditor::addLink(Claim::LinkKind kind, const QString &value, const QString &label)
{
    for (int i = 0; i < m_links->count(); ++i)
        if (m_links->item(i)->data(kValueRole).toString() == value && m_links->item(i)->data(kKindRole).toInt() == int(kind))
            return;
    auto *item = new QListWidgetItem(label, m_links);
    item->setData(kKindRole, int(kind));
    item->setData(kValueRole, value);
}

Claim ClaimEditor::result() const
{
    Claim out = m_claim;
    out.stance = Stance(m_stance->currentData().toInt());
    out.note = m_note->toPlainText().trimmed();
    for (Claim::LinkKind kind : {Claim::LinkKind::Region, Claim::LinkKind::Group, Claim::LinkKind::Feature, Claim::LinkKind::Topic})
        out.links(kind).clear();
    for (int i = 0; i < m_links->count(); ++i)
        out.links(Claim::LinkKind(m_links->item(i)->data(kKindRole).toInt())) << m_links->item(i)->data(kValueRole).toString();
    if (out.stance != m_claim.stance || out.links(Claim::LinkKind::Region) != m_claim.regions)
        out.confidence = 1.0; // checked by hand now
    return out;
}

} // namespace spheres
