#pragma once

#include <QWidget>

#include <memory>

class QLabel;

namespace spheres {

class Atlas;

/// The side panel that tells about the selection: the region's name, code, groups and area.
/// Later it lists the layers' facts and the narrative's claims about it.
class ContextPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ContextPanel(QWidget *parent = nullptr);

    void setAtlas(std::shared_ptr<const Atlas> atlas);
    QString shownRegion() const { return m_code; }

public slots:
    void showRegion(const QString &code);

private:
    QString describe(const QString &code) const;

    std::shared_ptr<const Atlas> m_atlas;
    QString m_code;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_body = nullptr;
};

} // namespace spheres
