#pragma once

#include "claim.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QListWidget;
class QPlainTextEdit;

namespace spheres {

class Atlas;

/// Edits one claim: its stance, its links (regions, groups, map features) and the analyst's
/// note. The result replaces the claim as one undoable edit.
class ClaimEditor : public QDialog
{
    Q_OBJECT
public:
    ClaimEditor(const Claim &claim, const Atlas &atlas, const QList<std::shared_ptr<const Layer>> &layers,
                QWidget *parent = nullptr);
    Claim result() const;

private:
    void addLink(Claim::LinkKind kind, const QString &value, const QString &label);

    Claim m_claim;
    QComboBox *m_stance = nullptr;
    QPlainTextEdit *m_note = nullptr;
    QListWidget *m_links = nullptr;
};

} // namespace spheres
