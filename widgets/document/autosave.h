#pragma once

#include <QDateTime>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>

class QLockFile;

namespace spheres {

class BriefDocument;

/// Keeps a recovery copy of one open brief in the application's data folder (never over the
/// user's file), written a moment after each edit, and removes it once the brief is saved or
/// closed cleanly. Each window has its own copy, held under a lock (QLockFile) for as long as
/// the window lives: a copy whose lock is free was left by a window that is gone (a crash), and
/// only such copies are offered for recovery.
class Autosave : public QObject
{
    Q_OBJECT
public:
    /// The copy is written this long after the last edit…
    static constexpr int kDelayMs = 2'000;
    /// …or this long after the first unsaved one, while edits keep coming.
    static constexpr int kMaxDelayMs = 10'000;

    explicit Autosave(BriefDocument *document, QObject *parent = nullptr);
    /// The copy stays (the brief was not closed cleanly); the lock goes.
    ~Autosave() override;

    /// QStandardPaths::AppDataLocation/autosave.
    static QString defaultDirectory();
    QString directory() const { return m_directory; }
    /// Where the copies live (tests use a folder of their own); before the first copy.
    void setDirectory(const QString &directory);
    /// Shorter delays for tests.
    void setDelays(int delayMs, int maxDelayMs);

    /// This window's copy.
    QString copyPath() const;
    bool hasCopy() const;
    /// Writes the copy now; returns an error message naming the file, or empty.
    QString saveNow();
    /// Removes this window's copy.
    void discard();

    /// A copy left by a window that is gone.
    struct Orphan
    {
        QString id;
        QString copyPath;
        QString originalPath; ///< the brief's file; empty for a brief never saved
        QDateTime written;
    };
    /// The copies whose window is gone, newest first; with `originalPath`, only the copies of
    /// that file. Copies of windows still open are never listed.
    QList<Orphan> orphans(const QString &originalPath = QString()) const;
    /// Loads `orphan` into the document as a modified brief (keeping its file's path); it is this
    /// window's copy from then on. Returns an error, or empty.
    QString recover(const Orphan &orphan);
    /// Deletes `orphan`, if its window is still gone.
    void discard(const Orphan &orphan);

signals:
    /// A copy written after an edit could not be: the message names the file and the reason.
    void failed(const QString &error);
    void saved();

private:
    void edited();
    QString lockPath(const QString &id) const;
    QString briefPath(const QString &id) const;
    QString metaPath(const QString &id) const;
    std::unique_ptr<QLockFile> takeLock(const QString &id) const;
    void removeFiles(const QString &id) const;

    BriefDocument *m_document;
    QString m_directory;
    QString m_id;                      ///< names this window's files
    std::unique_ptr<QLockFile> m_lock; ///< held while this window has a copy
    QString m_metaWrittenFor;          ///< the original path the meta file holds
    QTimer m_timer;
    QElapsedTimer m_pendingSince;      ///< since the first edit not in the copy
    int m_delayMs = kDelayMs, m_maxDelayMs = kMaxDelayMs;
};

} // namespace spheres
