#pragma once

#include "layer.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <initializer_list>
#include <optional>

namespace spheres {

/// Reads the members of untrusted JSON strictly, for every reader of JSON in model/ (briefs,
/// GeoJSON layers, the sovereignty table), so that each mistake is found by one rule and told in
/// one wording. The first failure is kept in `error` as "place: what" (the reader puts the file
/// name in front); every read returns false once it has failed, so reads chain with &&. A member
/// that is missing or null is "not given": optional reads then leave `out` as it was.
class JsonFields
{
    Q_DECLARE_TR_FUNCTIONS(JsonFields)

public:
    QString error;        ///< "place: what"; empty while all is well
    QStringList warnings; ///< "place: what" for what was ignored

    /// The document in `data`, which must be an object. Size and nesting are checked first
    /// (JsonLimits); on failure `error` gets the reason, without the file name.
    static std::optional<QJsonObject> parseObject(const QByteArray &data, qint64 maxBytes, const QString &notAnObject,
                                                  QString &error);
    /// "place: what", or `what` alone at the top level (an empty place).
    static QString joined(const QString &place, const QString &what);
    static bool isGiven(const QJsonValue &value) { return !value.isUndefined() && !value.isNull(); }

    /// Sets `error` and returns false.
    bool fail(const QString &place, const QString &what);
    void warn(const QString &place, const QString &what) { warnings << joined(place, what); }
    /// The warnings as a reader returns them: "<file>: place: what".
    QStringList warningsIn(const QString &sourceName) const;
    /// A warning for each member of `o` not in `known`: a typo or a newer file, worth saying.
    void ignoreUnknown(const QJsonObject &o, std::initializer_list<QStringView> known, const QString &place);

    bool optionalString(const QJsonObject &o, QStringView key, QString &out, const QString &place);
    /// Present, a string, and not blank.
    bool requiredString(const QJsonObject &o, QStringView key, QString &out, const QString &place);
    /// An optional array of non-blank strings, appended to `out`.
    bool stringList(const QJsonObject &o, QStringView key, QStringList &out, const QString &place);
    /// A required whole number in [minimum, maximum]; no upper bound when `maximum` is INT_MAX.
    bool wholeNumber(const QJsonObject &o, QStringView key, int &out, int minimum, int maximum, const QString &place);
    /// An optional number in [minimum, maximum]; the default in `out` stands when it is not given.
    bool number(const QJsonObject &o, QStringView key, double &out, double minimum, double maximum,
                const QString &place);
    /// A required [longitude, latitude] pair in range; `key` names it in messages ("centre", "area[3]").
    bool lonLat(const QJsonValue &value, QStringView key, QPointF &out, const QString &place);
    /// An optional array of sources {"title", "publisher", "url", "date"}: the title is required,
    /// the date may be a year written as a number ("date": 2025).
    bool sources(const QJsonObject &o, QStringView key, QList<Source> &out, const QString &place);

private:
    bool source(const QJsonValue &value, Source &out, const QString &place);
};

} // namespace spheres
