// KCalendarCore (KDE's calendar library: KOrganizer, Kontact, Merkuro) reads each file named on
// the command line and prints one JSON object keyed by path: every event's UID, summary and
// the UTC instants of its start and end (an all-day event's dates, its end exclusive as in
// the file). Built by tests/test_consumers.py with pkg-config KF5CalendarCore.
#include <KCalendarCore/Event>
#include <KCalendarCore/FileStorage>
#include <KCalendarCore/ICalFormat>
#include <KCalendarCore/MemoryCalendar>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimeZone>
#include <cstdio>

static QJsonValue instant(const QDateTime &moment, bool allDay, bool end) {
    if (!moment.isValid()) return QJsonValue();
    if (allDay) return (end ? moment.date().addDays(1) : moment.date()).toString(Qt::ISODate);
    return moment.toUTC().toString("yyyy-MM-ddTHH:mm:ss") + "+00:00";
}

int main(int argc, char **argv) {
    QCoreApplication app(argc, argv);
    QJsonObject out;
    for (int i = 1; i < argc; ++i) {
        const QString path = QString::fromLocal8Bit(argv[i]);
        KCalendarCore::MemoryCalendar::Ptr calendar(new KCalendarCore::MemoryCalendar(QTimeZone::utc()));
        KCalendarCore::FileStorage storage(calendar, path, new KCalendarCore::ICalFormat());
        QJsonObject result;
        if (!storage.load()) {
            result["error"] = "KCalendarCore could not load the file";
        } else {
            QJsonArray events;
            for (const auto &event : calendar->rawEvents(KCalendarCore::EventSortStartDate)) {
                QJsonObject item;
                item["uid"] = event->uid();
                item["summary"] = event->summary();
                item["start"] = instant(event->dtStart(), event->allDay(), false);
                item["end"] = event->hasEndDate() ? instant(event->dtEnd(), event->allDay(), true) : QJsonValue();
                events.append(item);
            }
            result["events"] = events;
        }
        out[path] = result;
    }
    std::fputs(QJsonDocument(out).toJson(QJsonDocument::Compact).constData(), stdout);
    return 0;
}
