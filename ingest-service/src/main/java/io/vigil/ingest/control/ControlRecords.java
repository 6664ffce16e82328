package io.vigil.ingest.control;

import io.vigil.contracts.CameraCommand;
import io.vigil.contracts.ContractJson;
import io.vigil.contracts.MalformedRecordException;
import io.vigil.contracts.Trigger;

/** Reads the records of the command and trigger topics, refusing those that break their contract. */
final class ControlRecords {

    private ControlRecords() {
    }

    /** @throws MalformedRecordException with the reason, when the record cannot be used */
    static CameraCommand command(String key, byte[] value) {
        CameraCommand command = ContractJson.read(value, CameraCommand.class);
        check(command.problem(), key, command.cameraId());
        return command;
    }

    /** @throws MalformedRecordException with the reason, when the record cannot be used */
    static Trigger trigger(String key, byte[] value) {
        if (value == null) {
            throw new MalformedRecordException("a trigger without a value");
        }
        Trigger trigger = ContractJson.read(value, Trigger.class);
        check(trigger.problem(), key, trigger.cameraId());
        return trigger;
    }

    private static void check(String problem, String key, String cameraId) {
        if (problem != null) {
            throw new MalformedRecordException(problem);
        }
        // a key is optional for senders, but one naming another camera is a mistake worth refusing
        if (key != null && !key.equals(cameraId)) {
            throw new MalformedRecordException("record key " + key + " differs from the camera id in its value");
        }
    }
}
