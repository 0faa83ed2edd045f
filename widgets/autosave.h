#pragma once

#include <QObject>
#include <QTimer>

namespace spheres {

class BriefDocument;

/// Keeps a copy of the open brief in the application's data folder (never over the user's
/// file) at most every minute while it is being edited, and removes it once the brief is saved
/// or closed cleanly. A copy found at start-up means Spheres did not close cleanly: the user
/// is offered to recover it.
class Autosave : public QObject
{
    Q_OBJECT
public:
    static constexpr int kIntervalMs = 60'000;

    explicit Autosave(BriefDocument *document, QObject *parent = nullptr);

    /// Where the copy lives (QStandardPaths::AppDataLocation/autosave).
    static QString directory();
    static QString copyPath();
    bool hasCopy() const;
    /// Writes the copy now; returns an error message, or empty.
    QString saveNow();
    /// Loads the copy into the document as a modified brief (keeping the original file's path).
    QString recover();
    void discard();

private:
    void scheduleIfNeeded();

    BriefDocument *m_document;
    QTimer m_timer;
};

} // namespace spheres
