package io.kamea.command;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Writes new commands in transactions of their own: a command must be committed before its
 * request reaches the device, or an immediate answer would find no command to settle.
 */
@Stateless
public class CommandRecords {

    @PersistenceContext
    EntityManager em;

    public Command create(Command command) {
        em.persist(command);
        return command;
    }

    /** Undoes a command whose request could not be sent. */
    public void forget(String commandId) {
        Command command = em.find(Command.class, commandId);
        if (command != null) {
            em.remove(command);
        }
    }
}
