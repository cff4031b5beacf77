package io.kamea.command;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

/** A command sent to a device, and what became of it. */
@Entity
@Table(name = "command")
public class Command {

    /** As {@link UUID#toString()} writes the random ids commands get. */
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "device_id", nullable = false, length = 36)
    private String deviceId;

    @Column(nullable = false)
    private String name;

    private String payload;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CommandStatus status;

    @Column(name = "device_offline", nullable = false)
    private boolean deviceOffline;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(nullable = false)
    private OffsetDateTime deadline;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    private String response;

    @Column(name = "late_response")
    private String lateResponse;

    @Column(name = "late_at")
    private OffsetDateTime lateAt;

    protected Command() {
        // for JPA
    }

    Command(String deviceId, String name, String payload, OffsetDateTime createdAt, OffsetDateTime deadline,
            boolean deviceOffline) {
        this.id = UUID.randomUUID().toString();
        this.deviceId = deviceId;
        this.name = name;
        this.payload = payload;
        this.status = CommandStatus.PENDING;
        this.createdAt = createdAt;
        this.deadline = deadline;
        this.deviceOffline = deviceOffline;
    }

    public String getId() {
        return id;
    }

    public String getDeviceId() {
        return deviceId;
    }

    public String getName() {
        return name;
    }

    public String getPayload() {
        return payload;
    }

    public CommandStatus getStatus() {
        return status;
    }

    public boolean isDeviceOffline() {
        return deviceOffline;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getDeadline() {
        return deadline;
    }

    public OffsetDateTime getCompletedAt() {
        return completedAt;
    }

    public String getResponse() {
        return response;
    }

    public String getLateResponse() {
        return lateResponse;
    }

    public OffsetDateTime getLateAt() {
        return lateAt;
    }

    /**
     * Whether a command could have this id: a device may answer with any topic level, and one
     * that is no UUID needs no database round trip to be found unknown.
     */
    static boolean isWellFormedId(String id) {
        return id != null && id.length() == 36 && ID.matcher(id).matches();
    }

    public boolean isPending() {
        return status == CommandStatus.PENDING;
    }
}
