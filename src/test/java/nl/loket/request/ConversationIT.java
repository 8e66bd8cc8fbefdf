package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nl.loket.inbox.InboxFilter;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.TaskNotAvailableException;
import nl.loket.notification.NotificationService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Comments both ways, and "more information needed": a question to the requester whose answer resumes it. */
@LoketIntegrationTest
class ConversationIT {

    @Autowired RequestService requests;
    @Autowired InboxService inbox;
    @Autowired NotificationService notifications;
    @Autowired SoftwareRequests software;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void the_approver_asks_the_requester_answers_and_the_request_goes_on() {
        Request request = software.submitAs("emma", "Microsoft Visio");
        users.loginAs("mark");
        String taskId = taskOf(request);
        inbox.askRequester(taskId, "  Which department pays for the licence?  ");
        assertThat(inbox.waitingForRequester(taskId)).isTrue();

        users.loginAs("emma");
        RequestDetail waiting = requests.myRequest(request.number()).orElseThrow();
        assertThat(waiting.questionOpen()).isTrue();
        assertThat(waiting.comments()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(Comment.Kind.QUESTION);
            assertThat(c.body()).isEqualTo("Which department pays for the licence?");
            assertThat(c.authorName()).isEqualTo("Mark de Vries");
        });
        assertThat(notifications.mine()).anyMatch(n -> n.messageKey().equals(NotificationService.QUESTION)
                && n.requestNumber().equals(request.number()));

        requests.comment(request.number(), "Team Platform, cost centre 4711.");

        RequestDetail answered = requests.myRequest(request.number()).orElseThrow();
        assertThat(answered.questionOpen()).isFalse();
        assertThat(answered.comments()).extracting(Comment::kind)
                .containsExactly(Comment.Kind.QUESTION, Comment.Kind.ANSWER);
        users.loginAs("mark");
        assertThat(inbox.waitingForRequester(taskId)).isFalse();
        assertThat(notifications.mine()).anyMatch(n -> n.messageKey().equals(NotificationService.ANSWERED)
                && n.requestNumber().equals(request.number()));
        inbox.approve(taskId);
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
    }

    @Test
    void comments_go_both_ways_and_only_to_the_people_involved() {
        Request request = software.submitAs("emma", "Adobe Acrobat Pro");
        users.loginAs("mark");
        String taskId = taskOf(request);
        inbox.comment(taskId, "I will look at it on Monday.");
        users.loginAs("emma");
        requests.comment(request.number(), "Thank you!");
        assertThat(requests.myRequest(request.number()).orElseThrow().comments()).extracting(Comment::body)
                .containsExactly("I will look at it on Monday.", "Thank you!");
        assertThat(notifications.mine()).anyMatch(n -> n.messageKey().equals(NotificationService.COMMENTED));
        users.loginAs("mark");
        assertThat(notifications.mine()).anyMatch(n -> n.messageKey().equals(NotificationService.REQUESTER_COMMENTED)
                && n.requestNumber().equals(request.number()));

        users.loginAs("frank");
        assertThatThrownBy(() -> inbox.comments(taskId)).isInstanceOf(TaskNotAvailableException.class);
        assertThatThrownBy(() -> requests.comment(request.number(), "Not mine"))
                .isInstanceOf(InvalidRequestException.class);
        users.loginAs("emma");
        assertThatThrownBy(() -> requests.comment(request.number(), "   ")).isInstanceOfSatisfying(
                InvalidRequestException.class, e -> assertThat(e.fieldErrors()).containsKey(RequestComments.FIELD_COMMENT));
        assertThat(requests.myRequest(request.number()).orElseThrow().comments()).hasSize(2);
    }

    @Test
    void a_closed_request_takes_no_more_comments() {
        Request request = software.submitAs("frank", "LibreOffice");
        processes.executeJobs();
        users.loginAs("frank");
        assertThatThrownBy(() -> requests.comment(request.number(), "Thanks"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry(RequestComments.FIELD_COMMENT, "comment.closed"));
    }

    private String taskOf(Request request) {
        return inbox.page(InboxFilter.all(), 0, InboxService.MAX_PAGE).stream()
                .filter(i -> i.request().number().equals(request.number())).findFirst().orElseThrow().taskId();
    }
}
