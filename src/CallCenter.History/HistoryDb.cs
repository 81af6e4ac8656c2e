using CallCenter.History.Calls;
using CallCenter.History.Grading;
using CallCenter.History.Reporting;
using CallCenter.History.Seats;
using CallCenter.History.WorkOrders;
using Microsoft.EntityFrameworkCore;

namespace CallCenter.History;

/// <summary>
/// The query store: what accumulates (the audit trail first) in tables beside the grains, the same model on the
/// embedded SQLite file and on the cluster's PostgreSQL, each with its own versioned migrations.
/// </summary>
public abstract class HistoryDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<AuditLine> AuditLines => Set<AuditLine>();

    public DbSet<CallRow> CallRecords => Set<CallRow>();

    public DbSet<SpanRow> AgentActivity => Set<SpanRow>();

    public DbSet<AgentDayRow> AgentDays => Set<AgentDayRow>();

    public DbSet<RecordingRow> RecordedCalls => Set<RecordingRow>();

    public DbSet<EvaluationRow> EvaluationScores => Set<EvaluationRow>();

    public DbSet<VetoRow> Vetoes => Set<VetoRow>();

    public DbSet<CorrectionRow> Corrections => Set<CorrectionRow>();

    public DbSet<WorkOrderRow> WorkOrders => Set<WorkOrderRow>();

    public DbSet<Monitoring.AlertRow> AlertHistory => Set<Monitoring.AlertRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<AuditLine>(line =>
        {
            line.ToTable("audit_lines");
            line.HasKey(l => new { l.Day, l.Seq });
            line.HasIndex(l => l.LineId).IsUnique();
            line.Property(l => l.Day).HasColumnName("day").HasMaxLength(10);
            line.Property(l => l.Seq).HasColumnName("seq");
            line.Property(l => l.LineId).HasColumnName("line_id").HasMaxLength(64);
            line.Property(l => l.AtUtcTicks).HasColumnName("at_utc_ticks");
            line.Property(l => l.Actor).HasColumnName("actor");
            line.Property(l => l.Action).HasColumnName("action");
            line.Property(l => l.Subject).HasColumnName("subject");
            line.Property(l => l.Detail).HasColumnName("detail");
            line.Property(l => l.Previous).HasColumnName("previous").HasMaxLength(64);
            line.Property(l => l.Hash).HasColumnName("hash").HasMaxLength(64);
        });
        model.Entity<CallRow>(call =>
        {
            call.ToTable("call_records");
            call.HasKey(c => c.CallId);
            call.Property(c => c.CallId).HasColumnName("call_id").HasMaxLength(128);
            call.Property(c => c.Caller).HasColumnName("caller");
            call.Property(c => c.Queue).HasColumnName("queue");
            call.Property(c => c.Queues).HasColumnName("queues");
            call.Property(c => c.SeatId).HasColumnName("seat_id");
            call.Property(c => c.Agent).HasColumnName("agent");
            call.Property(c => c.EnteredUtcTicks).HasColumnName("entered_utc_ticks");
            call.Property(c => c.OfferedUtcTicks).HasColumnName("offered_utc_ticks");
            call.Property(c => c.AnsweredUtcTicks).HasColumnName("answered_utc_ticks");
            call.Property(c => c.EndedUtcTicks).HasColumnName("ended_utc_ticks");
            call.Property(c => c.WaitSeconds).HasColumnName("wait_seconds");
            call.Property(c => c.TalkSeconds).HasColumnName("talk_seconds");
            call.Property(c => c.HoldSeconds).HasColumnName("hold_seconds");
            call.Property(c => c.WrapUpSeconds).HasColumnName("wrap_up_seconds");
            call.Property(c => c.Outcome).HasColumnName("outcome").HasMaxLength(16);
            call.Property(c => c.MissedOffers).HasColumnName("missed_offers");
            call.Property(c => c.HasRecording).HasColumnName("has_recording");
            call.Property(c => c.Day).HasColumnName("day").HasMaxLength(10);
            call.HasIndex(c => new { c.EndedUtcTicks, c.CallId });
            call.HasIndex(c => new { c.Queue, c.EndedUtcTicks });
            call.HasIndex(c => new { c.Agent, c.EndedUtcTicks });
            call.HasIndex(c => new { c.SeatId, c.EndedUtcTicks });
            call.HasIndex(c => new { c.Caller, c.EndedUtcTicks });
            call.HasIndex(c => c.EnteredUtcTicks);
            call.HasIndex(c => c.EnteredUtcTicks, "ix_call_records_overflowed").HasFilter("queues <> queue");
            call.HasIndex(c => new { c.Day, c.Agent });
        });
        model.Entity<SpanRow>(span =>
        {
            span.ToTable("agent_activity");
            span.HasKey(s => new { s.SeatId, s.FromUtcTicks });
            span.Property(s => s.SeatId).HasColumnName("seat_id").HasMaxLength(128);
            span.Property(s => s.FromUtcTicks).HasColumnName("from_utc_ticks");
            span.Property(s => s.ToUtcTicks).HasColumnName("to_utc_ticks");
            span.Property(s => s.Agent).HasColumnName("agent");
            span.Property(s => s.State).HasColumnName("state").HasMaxLength(16);
            span.Property(s => s.Reason).HasColumnName("reason");
            span.Property(s => s.Day).HasColumnName("day").HasMaxLength(10);
            span.Property(s => s.Missed).HasColumnName("missed");
            span.HasIndex(s => new { s.Day, s.Agent });
        });
        model.Entity<AgentDayRow>(day =>
        {
            day.ToTable("agent_days");
            day.HasKey(d => new { d.SeatId, d.Day, d.Agent, d.State, d.Reason });
            day.Property(d => d.SeatId).HasColumnName("seat_id").HasMaxLength(128);
            day.Property(d => d.Day).HasColumnName("day").HasMaxLength(10);
            day.Property(d => d.Agent).HasColumnName("agent");
            day.Property(d => d.State).HasColumnName("state").HasMaxLength(16);
            day.Property(d => d.Reason).HasColumnName("reason");
            day.Property(d => d.Ticks).HasColumnName("ticks");
            day.Property(d => d.Spans).HasColumnName("spans");
            day.Property(d => d.Missed).HasColumnName("missed");
            day.HasIndex(d => new { d.Day, d.Agent });
        });
        model.Entity<RecordingRow>(recording =>
        {
            recording.ToTable("recorded_calls");
            recording.HasKey(r => r.CallId);
            recording.Property(r => r.CallId).HasColumnName("call_id").HasMaxLength(128);
            recording.Property(r => r.Week).HasColumnName("week").HasMaxLength(8);
            recording.Property(r => r.Agent).HasColumnName("agent");
            recording.Property(r => r.Queue).HasColumnName("queue");
            recording.Property(r => r.RecordedUtcTicks).HasColumnName("recorded_utc_ticks");
            recording.Property(r => r.LongestDeadAirSeconds).HasColumnName("longest_dead_air_seconds");
            recording.Property(r => r.OverTalkSeconds).HasColumnName("over_talk_seconds");
            recording.Property(r => r.SurveyScore).HasColumnName("survey_score");
            recording.HasIndex(r => r.Week);
        });
        model.Entity<EvaluationRow>(evaluation =>
        {
            evaluation.ToTable("evaluation_scores");
            evaluation.HasKey(e => e.EvaluationId);
            evaluation.Property(e => e.EvaluationId).HasColumnName("evaluation_id").HasMaxLength(200);
            evaluation.Property(e => e.Month).HasColumnName("month").HasMaxLength(7);
            evaluation.Property(e => e.CallId).HasColumnName("call_id").HasMaxLength(128);
            evaluation.Property(e => e.Agent).HasColumnName("agent");
            evaluation.Property(e => e.Team).HasColumnName("team");
            evaluation.Property(e => e.Total).HasColumnName("total");
            evaluation.Property(e => e.CriticalFailed).HasColumnName("critical_failed");
            evaluation.Property(e => e.QuestionPercent).HasColumnName("question_percent");
            evaluation.Property(e => e.AtUtcTicks).HasColumnName("at_utc_ticks");
            evaluation.HasIndex(e => e.Month);
            evaluation.HasIndex(e => e.CallId);
        });
        model.Entity<VetoRow>(veto =>
        {
            veto.ToTable("vetoes");
            veto.HasKey(v => v.OrderId);
            veto.Property(v => v.OrderId).HasColumnName("order_id").HasMaxLength(128);
            veto.Property(v => v.Month).HasColumnName("month").HasMaxLength(7);
            veto.Property(v => v.Person).HasColumnName("person");
            veto.Property(v => v.AtUtcTicks).HasColumnName("at_utc_ticks");
            veto.Property(v => v.Reason).HasColumnName("reason");
            veto.HasIndex(v => v.Month);
        });
        model.Entity<CorrectionRow>(correction =>
        {
            correction.ToTable("corrections");
            correction.HasKey(c => c.CorrectionId);
            correction.Property(c => c.CorrectionId).HasColumnName("correction_id").HasMaxLength(200);
            correction.Property(c => c.CallId).HasColumnName("call_id").HasMaxLength(128);
            correction.Property(c => c.Agent).HasColumnName("agent");
            correction.Property(c => c.Caller).HasColumnName("caller");
            correction.Property(c => c.AtSeconds).HasColumnName("at_seconds");
            correction.Property(c => c.WrongAnswer).HasColumnName("wrong_answer");
            correction.Property(c => c.CorrectAnswer).HasColumnName("correct_answer");
            correction.Property(c => c.PolicyReference).HasColumnName("policy_reference");
            correction.Property(c => c.MarkedBy).HasColumnName("marked_by");
            correction.Property(c => c.MarkedUtcTicks).HasColumnName("marked_utc_ticks");
            correction.Property(c => c.CallbackDueUtcTicks).HasColumnName("callback_due_utc_ticks");
            correction.Property(c => c.Status).HasColumnName("status").HasMaxLength(16);
            correction.HasIndex(c => new { c.Status, c.CallbackDueUtcTicks });
            correction.HasIndex(c => c.CallbackDueUtcTicks);
        });
        model.Entity<WorkOrderRow>(order =>
        {
            order.ToTable("work_orders");
            order.HasKey(o => o.OrderId);
            order.Property(o => o.OrderId).HasColumnName("order_id").HasMaxLength(200);
            order.Property(o => o.Month).HasColumnName("month").HasMaxLength(7);
            order.Property(o => o.Closed).HasColumnName("closed");
            order.Property(o => o.CallId).HasColumnName("call_id").HasMaxLength(128);
            order.Property(o => o.OpenedUtcTicks).HasColumnName("opened_utc_ticks");
            order.Property(o => o.Summary).HasColumnName("summary");
            order.HasIndex(o => new { o.Closed, o.OpenedUtcTicks });
            order.HasIndex(o => new { o.Month, o.OpenedUtcTicks });
            order.HasIndex(o => o.CallId);
        });
        model.Entity<Monitoring.AlertRow>(alert =>
        {
            alert.ToTable("alert_history");
            alert.HasKey(a => new { a.AlertKey, a.RaisedUtcTicks });
            alert.Property(a => a.AlertKey).HasColumnName("alert_key").HasMaxLength(200);
            alert.Property(a => a.RaisedUtcTicks).HasColumnName("raised_utc_ticks");
            alert.Property(a => a.Kind).HasColumnName("kind").HasMaxLength(32);
            alert.Property(a => a.Subject).HasColumnName("subject");
            alert.Property(a => a.Message).HasColumnName("message");
            alert.Property(a => a.Args).HasColumnName("args");
            alert.Property(a => a.ClearedUtcTicks).HasColumnName("cleared_utc_ticks");
            alert.Property(a => a.AcknowledgedBy).HasColumnName("acknowledged_by");
            alert.Property(a => a.AcknowledgedUtcTicks).HasColumnName("acknowledged_utc_ticks");
            alert.Property(a => a.Note).HasColumnName("note");
            alert.Property(a => a.Department).HasColumnName("department");
            alert.Property(a => a.Queues).HasColumnName("queues");
            alert.HasIndex(a => a.RaisedUtcTicks);
        });
    }
}

public sealed class SqliteHistoryDb(DbContextOptions<SqliteHistoryDb> options) : HistoryDb(options);

public sealed class PostgresHistoryDb(DbContextOptions<PostgresHistoryDb> options) : HistoryDb(options);
